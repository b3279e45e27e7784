/**
 * A timepoint's files as NiiVue layers: the CT and its overlays from their URLs to NVImages with
 * the lesion map's display settings (label outlines, entropy range, habitat colours). Every failure
 * is a VolumeLoadError with a message for the clinician. Each step is timed (perf.ts).
 * Browser-only: imported by niivue-engine.ts.
 */
import { NVImage } from "@niivue/niivue";
import { ENTROPY_COLORMAP, ENTROPY_RANGE_BITS, HABITAT_COLOURS, hexToRgb } from "./colours";
import { fetchVolume, gunzip, looksGzipped, transferUrl, VolumeLoadError, type VolumeBytes } from "./fetch-volume";
import { timedAsync } from "./perf";
import type { OverlayKind, ViewerTimepoint, ViewerVolume } from "./types";

export type LayerKind = "image" | OverlayKind;
/** Drawing order, bottom to top, over the CT. */
export const OVERLAY_ORDER: OverlayKind[] = ["habitats", "entropy", "lesions"];
export const VOLUME_OF: Record<OverlayKind, keyof ViewerTimepoint["volumes"]> = { lesions: "segmentation", entropy: "entropy", habitats: "habitats" };
export const WHAT: Record<LayerKind, string> = { image: "CT", lesions: "lesion segmentation", entropy: "entropy map", habitats: "habitat map" };
/** NIFTI_INTENT_LABEL: NiiVue outlines label maps with this intent (opts.atlasOutline). */
const INTENT_LABEL = 1002;

/** Downloads a layer's file (`onBytes` counts bytes of the stored file). */
export function downloadLayer(kind: LayerKind, volume: ViewerVolume, onBytes: (loaded: number) => void, signal: AbortSignal): Promise<VolumeBytes> {
  return timedAsync(`fetch:${kind}`, () => fetchVolume(transferUrl(volume.url), WHAT[kind], onBytes, signal), (b) => ({ bytes: b.buffer.byteLength, inflatedByBrowser: b.inflated }));
}

/** Downloads the CT's half-resolution preview; null when there is none (its failures are the full CT's to report). */
export async function downloadPreview(volume: ViewerVolume, signal: AbortSignal): Promise<VolumeBytes | null> {
  try {
    return await timedAsync("fetch:preview", () => fetchVolume(transferUrl(volume.url, true), "CT preview", () => {}, signal), (b) => ({ bytes: b.buffer.byteLength, inflatedByBrowser: b.inflated }));
  } catch (e) {
    if (signal.aborted) throw e;
    return null;
  }
}

/** Parses a downloaded layer and applies its display settings; throws VolumeLoadError when it is unreadable. */
export async function decodeLayer(kind: LayerKind, fileName: string, bytes: VolumeBytes, timedAs: string = kind): Promise<NVImage> {
  const gz = fileName.toLowerCase().endsWith(".gz");
  let raw = bytes.buffer;
  if (gz && !bytes.inflated) {
    if (!looksGzipped(raw)) throw new VolumeLoadError(`The ${WHAT[kind]} file is corrupt (not gzip data).`, "corrupt");
    raw = await timedAsync(`gunzip:${timedAs}`, () => gunzip(bytes.buffer, WHAT[kind]), (b) => ({ bytes: b.byteLength }));
  }
  let img: NVImage;
  try {
    img = await timedAsync(`nvimage:${timedAs}`, () => NVImage.loadFromUrl({ url: raw, name: gz ? fileName.slice(0, -3) : fileName, colormap: kind === "entropy" ? ENTROPY_COLORMAP : "gray" }));
  } catch (e) {
    throw new VolumeLoadError(`The ${WHAT[kind]} file could not be read (${e instanceof Error ? e.message : "corrupt"}).`, "corrupt");
  }
  const dims = img.hdr?.dims;
  if (!dims || !img.img || dims[1]! < 1 || dims[2]! < 1 || dims[3]! < 1 || img.img.length < dims[1]! * dims[2]! * dims[3]!) {
    throw new VolumeLoadError(`The ${WHAT[kind]} file is corrupt (its voxels do not match its header).`, "corrupt");
  }
  if (kind === "lesions") img.hdr!.intent_code = INTENT_LABEL;
  if (kind === "entropy") {
    img.cal_min = ENTROPY_RANGE_BITS.min;
    img.cal_max = ENTROPY_RANGE_BITS.max;
  }
  if (kind === "habitats") {
    img.setColormapLabel({
      R: [0, ...HABITAT_COLOURS.map((c) => hexToRgb(c)[0])],
      G: [0, ...HABITAT_COLOURS.map((c) => hexToRgb(c)[1])],
      B: [0, ...HABITAT_COLOURS.map((c) => hexToRgb(c)[2])],
      A: [0, 255, 255, 255, 255],
      I: [0, 1, 2, 3, 4],
      labels: ["", "Habitat 1", "Habitat 2", "Habitat 3", "Habitat 4"],
    });
  }
  return img;
}
