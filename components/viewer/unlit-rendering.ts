/**
 * NiiVue 0.69 recomputes a gradient texture each time the CT layer is uploaded (gradientGL: a
 * blur and a Sobel pass into two RGBA textures the size of the scan), for lit volume rendering.
 * Mosaic renders volumes unlit (gradientAmount 0, gradientOpacity 0): that shader never samples
 * the gradient, and NiiVue has no option to skip computing it. In software WebGL the two passes
 * were most of the CT's upload: 4-6 s of it for the demo CT on two busy cores, against about
 * 1.5 s once the gradient textures are one voxel wide and high (measured in headless Chromium).
 *
 * So the gradient's textures are allocated 1 × 1 × slices: the passes still run, over one pixel
 * per slice. They are recognised by their texture units: unit 6 holds only the gradient, and on
 * unit 8 the gradient's scratch texture is the one created zero-filled with the back volume's
 * own header dims (the PAQD texture on that unit, for RGBA volumes, never is).
 */
import type { Niivue } from "@niivue/niivue";

/** NiiVue's texture units (texture-constants.ts). */
const TEXTURE6_GRADIENT = 0x84c6;
const TEXTURE8_GRADIENT_TEMP = 0x84c8;

export function renderUnlit(nv: Niivue): void {
  if (nv.opts.gradientAmount !== 0 || nv.opts.gradientOpacity !== 0) throw new Error("renderUnlit: the volume renderer is set to use gradients");
  const rgbaTex = nv.rgbaTex.bind(nv);
  nv.rgbaTex = (texID, activeID, dims, isInit) => {
    const gradient = activeID === TEXTURE6_GRADIENT || (activeID === TEXTURE8_GRADIENT_TEMP && texID === null && isInit === true && dims === nv.back?.hdr?.dims);
    return rgbaTex(texID, activeID, gradient ? [dims[0]!, 1, 1, dims[3]!] : dims, isInit);
  };
}
