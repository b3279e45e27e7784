/**
 * Where each story lesion sits: resolved from its `site` text (liver segment, lung lobe, nodal
 * station, adrenal, subcutaneous back) to a point of the reference anatomy, then to world mm for
 * the case's patient with z moved onto a slice centre, so the lesion's largest cross-section is
 * exactly what the central slice shows (scan-grid.ts).
 *
 * Points were chosen inside their organ with room for the lesion's largest size in the story
 * (checked by ct-phantom.test.ts): Couinaud segments by the usual landmarks (VII posterior-superior
 * right, VIII anterior-superior right, IVa medial-superior left of the middle hepatic vein, II
 * posterior-superior left lateral, VI posterior-inferior right), lobes by position in each lung.
 */
import { WallAtZ, emptyWallSample } from "./body-wall";
import { toWorld, type Patient } from "./patient";
import { snapToSlice } from "./scan-grid";
import type { Vec3 } from "./shapes";
import type { DemoLesion } from "./story";

export interface LesionSite {
  /** World centre (RAS mm), z on a slice centre. */
  centre: Vec3;
  /** In-plane direction of the lesion's long axis, radians from +x (patient right), if fixed. */
  longAxisRad?: number;
}

type Candidate = { ref: Vec3; longAxisDeg?: number };

/** Site patterns, most specific first; several points where two lesions may share a site. */
const SITES: { match: RegExp; points: Candidate[] }[] = [
  { match: /segment viii\b/i, points: [{ ref: [45, 20, -45] }] },
  { match: /segment vii\b/i, points: [{ ref: [75, -30, -50] }] },
  { match: /segment vi\b/i, points: [{ ref: [95, -15, -105] }] },
  { match: /segment v\b/i, points: [{ ref: [62, 22, -95] }] },
  { match: /segment iva\b/i, points: [{ ref: [12, 35, -50] }] },
  { match: /segment ivb\b|segment iv\b/i, points: [{ ref: [8, 45, -80] }] },
  { match: /segment iii\b/i, points: [{ ref: [-45, 42, -62] }] },
  { match: /segment ii\b/i, points: [{ ref: [-50, 26, -45] }] },
  { match: /4r\b/i, points: [{ ref: [22, 0, 112], longAxisDeg: 100 }] },
  { match: /right axilla/i, points: [{ ref: [136, 5, 120], longAxisDeg: 90 }] },
  { match: /left axilla/i, points: [{ ref: [-136, 5, 120], longAxisDeg: 90 }] },
  { match: /left adrenal/i, points: [{ ref: [-33, -32, -72] }] },
  { match: /right adrenal/i, points: [{ ref: [34, -44, -66] }] },
  { match: /subcutaneous.*back|back.*subcutaneous/i, points: [{ ref: [-60, 0, 60] }, { ref: [55, 0, 20] }] },
  { match: /right upper lobe/i, points: [{ ref: [66, 0, 120] }, { ref: [75, -20, 150] }] },
  { match: /middle lobe/i, points: [{ ref: [70, 45, 40] }, { ref: [55, 55, 20] }] },
  { match: /right lower lobe|right lung/i, points: [{ ref: [88, -35, 20] }, { ref: [60, -50, 65] }, { ref: [85, -20, 5] }] },
  { match: /left upper lobe|lingula/i, points: [{ ref: [-60, 30, 95] }, { ref: [-70, 40, 40] }] },
  { match: /left lower lobe/i, points: [{ ref: [-75, -45, 30] }, { ref: [-60, -55, 65] }] },
  { match: /lung/i, points: [{ ref: [-60, 30, 95] }, { ref: [60, -50, 65] }, { ref: [-70, 40, 40] }] },
];

/** The mid-depth of the back's subcutaneous fat below (x, z), and the skin's direction there. */
function subcutaneousBack(p: Patient, ref: Vec3): { ref: Vec3; tangentRad: number } {
  const wall = new WallAtZ(p, ref[2]);
  const s = emptyWallSample();
  // Walk in from the back until the depth reaches the middle of the fat layer.
  for (let y = -200; y < 0; y += 0.25) {
    wall.sample(ref[0], y, s);
    if (s.depth >= (s.fatStart + s.muscleStart) / 2) {
      return { ref: [ref[0], y, ref[2]], tangentRad: Math.atan2(s.nx, -s.ny) };
    }
  }
  throw new Error(`no subcutaneous fat found at x=${ref[0]}, z=${ref[2]}`);
}

/** Sites of all lesions of a case, in story order; lesions never share a point. */
export function lesionSites(p: Patient, lesions: readonly DemoLesion[]): Map<string, LesionSite> {
  const used = new Set<Candidate>();
  const out = new Map<string, LesionSite>();
  for (const lesion of lesions) {
    const entry = SITES.find((s) => s.match.test(lesion.site));
    const point = entry?.points.find((c) => !used.has(c));
    if (!entry || !point) throw new Error(`demo phantom: no anatomical site for "${lesion.site}" (${lesion.key})`);
    used.add(point);
    let ref = point.ref;
    let longAxisRad = point.longAxisDeg === undefined ? undefined : (point.longAxisDeg * Math.PI) / 180;
    if (lesion.texture === "subcutaneous") {
      const back = subcutaneousBack(p, ref);
      ref = back.ref;
      longAxisRad = back.tangentRad;
    }
    const w = toWorld(p, ref);
    out.set(lesion.key, { centre: [w[0], w[1], snapToSlice(w[2])], longAxisRad });
  }
  return out;
}
