/**
 * The thoracolumbar spine, T1 to L1: vertebral bodies (cortical shell, cancellous core, endplates),
 * intervertebral discs, the canal, the neural arch and the spinous and transverse processes.
 * Levels are 24.5 mm apart, so 5 mm slices catch discs and endplates on some slices only.
 */
import type { Patient } from "./patient";
import { TISSUE, layer, type Layer } from "./painter";
import { fbm3 } from "./noise";
import { pwl, tubes, type Implicit, type TubePoints } from "./shapes";

const LEVEL_MM = 24.5;
const TOP_DISC_Z = 197;
const SPINE_Y = -40;

const zKnots = [-130, -60, 60, 190];
const halfWidth = (z: number) => pwl(zKnots, [22, 19, 15.5, 14], z);
const halfDepth = (z: number) => pwl(zKnots, [17, 15.5, 14, 12], z);
const discHalf = (z: number) => (z < -90 ? 3.5 : 2.3);

export function spineX(p: Patient, z: number): number {
  return p.spineDriftMm * Math.sin((z + 40) / 90);
}

function nearestDiscZ(z: number): number {
  return TOP_DISC_Z - LEVEL_MM * Math.round((TOP_DISC_Z - z) / LEVEL_MM);
}

/** The vertebral body column (without disc gaps): also used to keep lungs and liver off the spine. */
export function vertebralBody(p: Patient): Implicit {
  // Called for every voxel of the lungs and liver at one z: keep the height-only terms.
  let lastZ = NaN, a = 0, b = 0, xs = 0;
  return (x, y, z) => {
    if (z !== lastZ) {
      lastZ = z;
      a = halfWidth(z);
      b = halfDepth(z);
      xs = spineX(p, z);
    }
    const u = (x - xs) / a, v = (y - SPINE_Y) / b;
    return (Math.sqrt(u * u + v * v) - 1) * Math.min(a, b);
  };
}

function canal(p: Patient, grow: number): Implicit {
  return (x, y, z) => {
    const cy = SPINE_Y - halfDepth(z) - 9;
    return (Math.hypot((x - spineX(p, z)) / (9 + grow), (y - cy) / (7.5 + grow)) - 1) * (7.5 + grow);
  };
}

export function spineLayers(p: Patient): Layer[] {
  const body = vertebralBody(p);
  const bounds = { zMin: -160, zMax: 215, box: [-45, 45, -95, -15] as [number, number, number, number] };
  const cancellous: Implicit = (x, y, z) => Math.max(body(x, y, z) + 1.5, discHalf(z) + 1.1 - Math.abs(z - nearestDiscZ(z)));
  const disc: Implicit = (x, y, z) => Math.max(body(x, y, z) - 1, Math.abs(z - nearestDiscZ(z)) - discHalf(z));
  const inner = canal(p, 0), outer = canal(p, 5.5);
  const arch: Implicit = (x, y, z) => Math.max(outer(x, y, z), -inner(x, y, z));
  // Processes per level: spinous processes slope caudally (long in the thorax), transverse
  // processes reach out to meet the rib tubercles; lumbar ones are longer and thinner.
  const spinous: TubePoints[] = [], transverse: TubePoints[] = [];
  for (let n = 0; n < 15; n++) {
    const zl = TOP_DISC_Z - LEVEL_MM * n - 9;
    const xs = spineX(p, zl), yc = SPINE_Y - halfDepth(zl) - 9;
    const lumbar = zl < -90;
    spinous.push([[xs, yc - 11, zl, 4.2], [xs, yc - (lumbar ? 34 : 38), zl - (lumbar ? 6 : 20), 3.6]]);
    for (const side of [1, -1]) {
      const reach = lumbar ? 40 : 30;
      transverse.push([[xs + side * 9, yc - 1, zl + 2, 4.5], [xs + side * reach, yc + (lumbar ? 3 : -7), zl + 4, lumbar ? 3.2 : 4.2]]);
    }
  }
  const trabecular = (x: number, y: number, z: number) => 215 + 30 * fbm3(x / 3, y / 3, z / 4, p.seed ^ 0x51);
  return [
    layer(TISSUE.cortical, 760, body, bounds),
    layer(TISSUE.cancellous, trabecular, cancellous, bounds),
    layer(TISSUE.disc, 85, disc, bounds),
    layer(TISSUE.cortical, 560, arch, bounds),
    layer(TISSUE.cortical, 520, tubes(spinous).phi, bounds),
    layer(TISSUE.cortical, 520, tubes(transverse).phi, bounds),
    layer(TISSUE.fluid, 20, inner, bounds),
  ];
}
