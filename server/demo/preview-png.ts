/**
 * A minimal PNG encoder (8-bit RGB, one IDAT, node:zlib) and CT windowing, for eyeballing the demo
 * scans outside any viewer. Development tooling, not part of the app.
 */
import { deflateSync } from "node:zlib";

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encodes RGB pixels (row-major, 3 bytes each) as a PNG file. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  const raw = new Uint8Array(height * (1 + 3 * width));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + 3 * width)] = 0; // filter: none
    raw.set(rgb.subarray(3 * y * width, 3 * (y + 1) * width), y * (1 + 3 * width) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", new Uint8Array(0))]);
}

export interface CtWindow {
  level: number;
  width: number;
}
export const LUNG_WINDOW: CtWindow = { level: -600, width: 1500 };
export const SOFT_TISSUE_WINDOW: CtWindow = { level: 40, width: 400 };
export const BONE_WINDOW: CtWindow = { level: 400, width: 1800 };

const LABEL_COLOURS: [number, number, number][] = [
  [255, 64, 64], [64, 200, 255], [255, 200, 0], [120, 255, 120], [255, 120, 255], [255, 150, 60],
];

/**
 * One axial slice as RGB: windowed grey, lesion outlines in colour when labels are given. Row 0
 * (anterior) at the top and column 0 (patient right) at the left: radiological convention.
 */
export function renderSlice(
  hu: ArrayLike<number>,
  labels: ArrayLike<number> | null,
  nx: number,
  ny: number,
  k: number,
  win: CtWindow,
): Uint8Array {
  const rgb = new Uint8Array(nx * ny * 3);
  const base = k * nx * ny;
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const p = j * nx + i;
      const g = Math.max(0, Math.min(255, Math.round(((hu[base + p] - (win.level - win.width / 2)) / win.width) * 255)));
      rgb.set([g, g, g], 3 * p);
      const l = labels ? labels[base + p] : 0;
      if (!l) continue;
      // Outline only: a label voxel with a different 4-neighbour.
      const edge = [[1, 0], [-1, 0], [0, 1], [0, -1]].some(([di, dj]) => {
        const ii = i + di, jj = j + dj;
        return ii < 0 || jj < 0 || ii >= nx || jj >= ny || labels![base + jj * nx + ii] !== l;
      });
      if (edge) rgb.set(LABEL_COLOURS[(l - 1) % LABEL_COLOURS.length], 3 * p);
    }
  }
  return rgb;
}
