/**
 * The imperative side of the lesion map: one NiiVue instance on one canvas, the timepoint's CT with
 * its overlays (lesion labels, local-entropy map, habitats), and the crosshair in world mm.
 * Browser-only: imported solely by viewer-canvas.tsx, which is loaded with `ssr: false`.
 */
import { DRAG_MODE, MULTIPLANAR_TYPE, NVImage, Niivue, SHOW_RENDER, SLICE_TYPE } from "@niivue/niivue";
import { ENTROPY_COLORMAP, ENTROPY_RANGE_BITS, HABITAT_COLOURS, hexToRgb } from "./colours";
import { fetchVolume, gunzip, looksGzipped, VolumeLoadError } from "./fetch-volume";
import { mark, timed, timedAsync } from "./perf";
import { renderUnlit } from "./unlit-rendering";
import { labelCentroidsMm, type AffineRows } from "./label-centroids";
import type { LesionLegendEntry, OverlayKind, OverlaySetting, SliceKind, Vec3Mm, ViewerTimepoint } from "./types";

type LayerKind = "image" | OverlayKind;
const OVERLAY_ORDER: OverlayKind[] = ["habitats", "entropy", "lesions"];
const VOLUME_OF: Record<OverlayKind, keyof ViewerTimepoint["volumes"]> = { lesions: "segmentation", entropy: "entropy", habitats: "habitats" };
const WHAT: Record<LayerKind, string> = { image: "CT", lesions: "lesion segmentation", entropy: "entropy map", habitats: "habitat map" };
const SLICE: Record<SliceKind, SLICE_TYPE> = { multiplanar: SLICE_TYPE.MULTIPLANAR, axial: SLICE_TYPE.AXIAL, render: SLICE_TYPE.RENDER };
/** NIFTI_INTENT_LABEL: NiiVue outlines label maps with this intent (opts.atlasOutline). */
const INTENT_LABEL = 1002;

export interface EngineEvents {
  /** The crosshair moved; `byUser` when the user clicked, dragged or scrolled. */
  onCrosshair(mm: Vec3Mm, byUser: boolean): void;
  /** The user clicked a voxel of this lesion label. */
  onPickLabel(label: number): void;
}

export interface LoadedTimepoint {
  timepointId: string;
  /** Centroids of the labels in this timepoint's segmentation, world mm. */
  centroids: Map<number, Vec3Mm>;
  /** Overlays this timepoint has files for. */
  available: Record<OverlayKind, boolean>;
}

export class ViewerEngine {
  private readonly nv: Niivue;
  private layers: Partial<Record<LayerKind, NVImage>> = {};
  /** Set from the canvas's props before any scan is shown. */
  private overlays: Record<OverlayKind, OverlaySetting> = {
    lesions: { visible: false, opacity: 1 },
    entropy: { visible: false, opacity: 1 },
    habitats: { visible: false, opacity: 1 },
  };
  private windowHu = { min: -160, max: 240 };
  private lesionColours: LesionLegendEntry[] = [];
  private quiet = false;
  private pointerDown: { x: number; y: number } | null = null;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly events: EngineEvents,
  ) {
    this.nv = new Niivue({
      backColor: [0, 0, 0, 1],
      crosshairColor: [0.42, 0.71, 0.93, 0.7],
      crosshairWidth: 1,
      fontColor: [0.75, 0.8, 0.85, 1],
      show3Dcrosshair: true,
      isRadiologicalConvention: true,
      isColorbar: false,
      isOrientCube: false,
      dragAndDropEnabled: false,
      multiplanarLayout: MULTIPLANAR_TYPE.GRID,
      multiplanarShowRender: SHOW_RENDER.ALWAYS,
      multiplanarPadPixels: 4,
      dragMode: DRAG_MODE.contrast,
      atlasOutline: 1,
      loadingText: "",
      logLevel: "error",
      textHeight: 0.035,
    });
  }

  async attach(): Promise<void> {
    await timedAsync("attach", () => this.nv.attachToCanvas(this.canvas));
    renderUnlit(this.nv);
    this.nv.onLocationChange = () => {
      const mm = this.crosshairMm();
      if (mm) this.events.onCrosshair(mm, !this.quiet);
    };
    // A click (not a drag) on a lesion selects it; NiiVue has moved the crosshair by pointerup.
    const down = (e: PointerEvent) => (this.pointerDown = e.button === 0 ? { x: e.clientX, y: e.clientY } : null);
    const up = (e: PointerEvent) => {
      const start = this.pointerDown;
      this.pointerDown = null;
      if (!start || Math.hypot(e.clientX - start.x, e.clientY - start.y) > 4) return;
      const mm = this.crosshairMm();
      const label = mm ? this.labelAt(mm) : 0;
      if (label > 0) this.events.onPickLabel(label);
    };
    this.canvas.addEventListener("pointerdown", down);
    this.canvas.addEventListener("pointerup", up);
    this.cleanups.push(() => {
      this.canvas.removeEventListener("pointerdown", down);
      this.canvas.removeEventListener("pointerup", up);
    });
  }

  /**
   * Downloads and shows a timepoint; the previous one stays on screen until the new one is ready.
   * Throws VolumeLoadError when the CT is missing or unreadable; a missing or unreadable overlay
   * is reported through `onOverlayError` and left out.
   */
  async showTimepoint(
    tp: ViewerTimepoint,
    onProgress: (loaded: number, total: number, what: string) => void,
    onOverlayError: (message: string) => void,
    signal: AbortSignal,
  ): Promise<LoadedTimepoint> {
    if (!tp.volumes.image) throw new VolumeLoadError(`No CT is stored for ${tp.label}.`, "missing");
    const plan: [LayerKind, NonNullable<ViewerTimepoint["volumes"]["image"]>][] = [["image", tp.volumes.image]];
    for (const kind of OVERLAY_ORDER) {
      const v = tp.volumes[VOLUME_OF[kind]];
      if (v) plan.push([kind, v]);
    }
    const total = plan.reduce((s, [, v]) => s + v.byteSize, 0);
    const loadedBy = new Map<LayerKind, number>();
    const report = (what: string) => onProgress([...loadedBy.values()].reduce((a, b) => a + b, 0), total, what);
    const results = await Promise.allSettled(
      plan.map(async ([kind, v]) => {
        const buffer = await timedAsync(`fetch:${kind}`, () => fetchVolume(v.url, WHAT[kind], (n) => (loadedBy.set(kind, n), report(WHAT[kind])), signal), (b) => ({ bytes: b.byteLength }));
        return [kind, await this.decode(kind, v.fileName, buffer)] as const;
      }),
    );
    if (signal.aborted) throw new DOMException("superseded", "AbortError");
    const next: Partial<Record<LayerKind, NVImage>> = {};
    for (const [i, r] of results.entries()) {
      const kind = plan[i]![0];
      if (r.status === "fulfilled") next[kind] = r.value[1];
      else if (kind === "image") throw r.reason;
      else onOverlayError(r.reason instanceof Error ? r.reason.message : `The ${WHAT[kind]} could not be loaded.`);
    }
    const keepMm = this.crosshairMm();
    this.layers = next;
    this.applyWindow();
    this.applyLesionColours();
    for (const k of OVERLAY_ORDER) this.applyOverlay(k);
    timed("gl-upload", () => this.showLayers(), { layers: this.nv.volumes.length });
    mark("ct-shown", { timepointId: tp.timepointId });
    if (keepMm) this.setCrosshairMm(keepMm);
    const seg = next.lesions;
    const centroids = seg?.img && seg.hdr ? labelCentroidsMm(seg.img, [seg.hdr.dims[1]!, seg.hdr.dims[2]!, seg.hdr.dims[3]!], seg.hdr.affine as AffineRows) : new Map<number, Vec3Mm>();
    return { timepointId: tp.timepointId, centroids, available: { lesions: !!next.lesions, entropy: !!next.entropy, habitats: !!next.habitats } };
  }

  private async decode(kind: LayerKind, fileName: string, buffer: ArrayBuffer): Promise<NVImage> {
    if (fileName.toLowerCase().endsWith(".gz") && !looksGzipped(buffer)) {
      throw new VolumeLoadError(`The ${WHAT[kind]} file is corrupt (not gzip data).`, "corrupt");
    }
    const gz = fileName.toLowerCase().endsWith(".gz");
    const raw = gz ? await timedAsync(`gunzip:${kind}`, () => gunzip(buffer, WHAT[kind]), (b) => ({ bytes: b.byteLength })) : buffer;
    let img: NVImage;
    try {
      const name = gz ? fileName.slice(0, -3) : fileName;
      img = await timedAsync(`nvimage:${kind}`, () => NVImage.loadFromUrl({ url: raw, name, colormap: kind === "entropy" ? ENTROPY_COLORMAP : "gray" }));
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

  setSliceType(kind: SliceKind): void {
    this.nv.setSliceType(SLICE[kind]);
  }

  /** Display range of the CT in HU (a window/level preset). */
  setWindow(minHu: number, maxHu: number): void {
    this.windowHu = { min: minHu, max: maxHu };
    this.applyWindow();
    this.nv.updateGLVolume();
  }

  private applyWindow(): void {
    const img = this.layers.image;
    if (!img) return;
    img.cal_min = this.windowHu.min;
    img.cal_max = this.windowHu.max;
  }

  setOverlay(kind: OverlayKind, setting: OverlaySetting): void {
    const shownBefore = this.overlays[kind].visible;
    this.overlays[kind] = setting;
    this.applyOverlay(kind);
    if (setting.visible !== shownBefore) this.showLayers();
    else this.nv.updateGLVolume();
  }

  private applyOverlay(kind: OverlayKind): void {
    const img = this.layers[kind];
    if (img) img.opacity = this.overlays[kind].opacity;
  }

  /**
   * Puts the CT and the visible overlays in the scene and uploads them once. Hidden overlays stay
   * out of the scene: NiiVue re-samples every layer in the scene on each change, and in software
   * WebGL that is most of the time a scan takes to appear.
   */
  private showLayers(): void {
    const image = this.layers.image;
    if (!image) return;
    const list = [image, ...OVERLAY_ORDER.flatMap((k) => (this.layers[k] && this.overlays[k].visible ? [this.layers[k]!] : []))];
    this.nv.volumes = list;
    this.nv.back = image;
    this.nv.overlays = list.slice(1);
    this.nv.updateGLVolume();
  }

  setLesionColours(entries: LesionLegendEntry[]): void {
    this.lesionColours = entries;
    this.applyLesionColours();
    this.nv.updateGLVolume();
  }

  private applyLesionColours(): void {
    const seg = this.layers.lesions;
    if (!seg) return;
    const entries = [...this.lesionColours].sort((a, b) => a.label - b.label);
    const rgb = entries.map((e) => hexToRgb(e.colour));
    seg.setColormapLabel({
      R: [0, ...rgb.map((c) => c[0])],
      G: [0, ...rgb.map((c) => c[1])],
      B: [0, ...rgb.map((c) => c[2])],
      A: [0, ...entries.map(() => 255)],
      I: [0, ...entries.map((e) => e.label)],
      labels: ["", ...entries.map((e) => e.trackingId)],
    });
  }

  crosshairMm(): Vec3Mm | null {
    if (this.nv.volumes.length === 0) return null;
    const mm = this.nv.frac2mm(this.nv.scene.crosshairPos);
    return [mm[0]!, mm[1]!, mm[2]!];
  }

  /** Moves the crosshair to a world point (clamped to the scan) without reporting it as a user move. */
  setCrosshairMm(mm: Vec3Mm): void {
    if (this.nv.volumes.length === 0) return;
    const frac = this.nv.mm2frac(mm);
    for (let i = 0; i < 3; i++) frac[i] = Math.min(1, Math.max(0, frac[i]!));
    this.nv.scene.crosshairPos = frac;
    this.quiet = true;
    try {
      this.nv.createOnLocationChange();
    } finally {
      this.quiet = false;
    }
    this.nv.drawScene();
  }

  /** The lesion label under a world point, 0 outside every lesion (or the scan). */
  labelAt(mm: Vec3Mm): number {
    const v = this.valueAt("lesions", mm);
    return v === null ? 0 : Math.round(v);
  }

  /** The CT value under a world point in HU (scaled by the file's slope and intercept), null outside the scan. */
  huAt(mm: Vec3Mm): number | null {
    return this.valueAt("image", mm);
  }

  private valueAt(kind: LayerKind, mm: Vec3Mm): number | null {
    const img = this.layers[kind];
    if (!img?.dimsRAS) return null;
    const v = img.mm2vox(mm);
    for (let i = 0; i < 3; i++) if (v[i]! < 0 || v[i]! >= img.dimsRAS[i + 1]!) return null;
    return img.getValue(v[0]!, v[1]!, v[2]!);
  }

  destroy(): void {
    timed("destroy", () => {
      for (const c of this.cleanups.splice(0)) c();
      this.nv.cleanup();
      // Free the WebGL context now rather than when the canvas is collected.
      this.nv.gl?.getExtension("WEBGL_lose_context")?.loseContext();
    });
  }
}
