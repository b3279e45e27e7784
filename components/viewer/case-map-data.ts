/**
 * The case's data as the lesion map wants it: legend entries coloured by phenotype, switcher
 * timepoints, and the lesion centroids the analyses stored. Pure; used by case-lesion-map.tsx.
 */
import type { CaseView } from "@/server/api/routers/cases/handlers";
import type { CaseVolumes } from "@/server/api/routers/imaging/handlers";
import { phenotypeColour, phenotypeColours, type PhenotypeAssignment } from "./colours";
import type { LesionCentroids, LesionLegendEntry, Vec3Mm, ViewerTimepoint } from "./types";

/**
 * Legend entries: the phenotype's colour when the lesions are clustered; until then one colour per
 * lesion (the legend says so), and grey for a lesion left out of a clustering.
 */
export function legendEntries(lesions: CaseView["lesions"], phenotypes?: PhenotypeAssignment | null): LesionLegendEntry[] {
  const colours = phenotypeColours(phenotypes);
  const clustered = Object.keys(colours).length > 0;
  return lesions.map((l, i) => {
    const phenotype = phenotypes?.lesions.find((p) => p.lesionId === l.trackingId)?.phenotype ?? null;
    const colour = clustered ? (colours[l.trackingId] ?? UNCLUSTERED) : phenotypeColour(i);
    return { label: l.label, trackingId: l.trackingId, site: l.site, phenotype, colour };
  });
}

const UNCLUSTERED = "#9aa6b2";

/** Switcher entries: baseline, then follow-ups in date order. */
export function viewerTimepoints(volumes: CaseVolumes): ViewerTimepoint[] {
  return volumes.timepoints.map((tp, i) => ({
    timepointId: tp.timepointId,
    date: tp.date,
    modality: tp.modality,
    label: i === 0 ? "Baseline" : `Follow-up ${i}`,
    volumes: { image: tp.volumes.image, segmentation: tp.volumes.segmentation, entropy: tp.volumes["entropy-map"], habitats: tp.volumes.habitats },
  }));
}

const isVec3 = (v: unknown): v is Vec3Mm => Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === "number" && Number.isFinite(x));

/** Centroids the analyses stored in a measurement's geometry (`centroidMm`, world mm). */
export function storedCentroids(lesions: CaseView["lesions"]): LesionCentroids {
  const out: LesionCentroids = {};
  for (const l of lesions) {
    for (const m of l.measurements) {
      const c = m.geometry?.centroidMm;
      if (m.present && isVec3(c)) (out[m.timepointId] ??= {})[l.trackingId] = c;
    }
  }
  return out;
}
