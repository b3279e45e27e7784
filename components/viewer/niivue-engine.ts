/**
 * The imperative side of the lesion map: one NiiVue instance on one canvas, the timepoint's CT with
 * its overlays (lesion labels, local-entropy map, habitats), and the crosshair in world mm.
 * Browser-only: imported solely by viewer-canvas.tsx, which is loaded with `ssr: false`.
 */
import { DRAG_MODE, INITIAL_SCENE_DATA, MULTIPLANAR_TYPE, Niivue, SHOW_RENDER, SLICE_TYPE, type NVImage } from "@niivue/niivue";
import { hexToRgb } from "./colours";
import { VolumeLoadError } from "./fetch-volume";
import { labelCentroidsMm, type AffineRows } from "./label-centroids";
import { tilesFromScreenSlices, type ScreenTile } from "./projection";
import { mark, timed, timedAsync } from "./perf";
import { renderUnlit } from "./unlit-rendering";
import { decodeLayer, downloadLayer, downloadPreview, OVERLAY_ORDER, VOLUME_OF, WHAT, type LayerKind } from "./volume-layers";
import type { LesionLegendEntry, OverlayKind, OverlaySetting, SliceKind, Vec3Mm, ViewerTimepoint } from "./types";

/** Resolves after the next frame has been produced (a rAF callback runs before the frame, a task queued in it after). */
const afterNextFrame = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    // A hidden tab gets no frames.
    setTimeout(resolve, 250);
  });
const SLICE: Record<SliceKind, SLICE_TYPE> = { multiplanar: SLICE_TYPE.MULTIPLANAR, axial: SLICE_TYPE.AXIAL, render: SLICE_TYPE.RENDER };

export interface EngineEvents {
  /** The crosshair moved; `byUser` when the user clicked, dragged or scrolled. */
  onCrosshair(mm: Vec3Mm, byUser: boolean): void;
  /** The user clicked a voxel of this lesion label. */
  onPickLabel(label: number): void;
  /** NiiVue drew a frame (slice, zoom, layout or size may have changed). */
  onDraw?(): void;
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
    // NiiVue has no after-draw event; what is drawn over the canvas follows its frames.
    const drawScene = this.nv.drawScene.bind(this.nv);
    this.nv.drawScene = () => {
      const result = drawScene();
      this.events.onDraw?.();
      return result;
    };
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
   * Downloads and shows a timepoint: the CT first, on screen as soon as it is uploaded
   * (`onImageShown`; its half-resolution preview before it when that comes first), then the
   * visible overlays; hidden overlays are read but not uploaded. The previous timepoint stays on
   * screen until the new CT replaces it.
   * Throws VolumeLoadError when the CT is missing or unreadable; a missing or unreadable overlay
   * is reported through `onOverlayError` and left out.
   */
  async showTimepoint(
    tp: ViewerTimepoint,
    onProgress: (loaded: number, total: number, what: string) => void,
    onOverlayError: (message: string) => void,
    signal: AbortSignal,
    onImageShown?: () => void,
  ): Promise<LoadedTimepoint> {
    const image = tp.volumes.image;
    if (!image) throw new VolumeLoadError(`No CT is stored for ${tp.label}.`, "missing");
    const overlays = OVERLAY_ORDER.flatMap((kind) => (tp.volumes[VOLUME_OF[kind]] ? [{ kind, volume: tp.volumes[VOLUME_OF[kind]]! }] : []));
    const total = image.byteSize + overlays.reduce((s, o) => s + o.volume.byteSize, 0);
    const loadedBy = new Map<LayerKind, number>();
    // Every download at once (the overlays are small files); reading and uploading one layer after another.
    const previewDownload = downloadPreview(image, signal);
    previewDownload.catch(() => {}); // awaited below, or dropped with the CT's failure
    const bytes = new Map(
      [{ kind: "image" as LayerKind, volume: image }, ...overlays].map(({ kind, volume }) => {
        const b = downloadLayer(kind, volume, (n) => (loadedBy.set(kind, n), onProgress([...loadedBy.values()].reduce((a, c) => a + c, 0), total, WHAT[kind])), signal);
        b.catch(() => {}); // awaited below, or dropped with the CT's failure
        return [kind, b] as const;
      }),
    );
    const stillWanted = () => {
      if (signal.aborted) throw new DOMException("superseded", "AbortError");
    };

    const imageBytes = bytes.get("image")!;
    let imageArrived = false;
    imageBytes.then(() => (imageArrived = true), () => {});
    // Each CT upload gets its frame before more GPU work is queued: a frame waits for all the
    // WebGL work queued before it.
    const painted = async () => {
      await afterNextFrame();
      stillWanted();
    };

    // First paint: the CT's half-resolution preview, unless the full CT is here already (cached).
    const previewBytes = await previewDownload;
    const preview = previewBytes && !imageArrived ? await decodeLayer("image", image.fileName, previewBytes, "preview").catch(() => null) : null;
    stillWanted();
    const showPreview = preview !== null && !imageArrived;
    if (showPreview) {
      this.showImage(preview, "preview");
      mark("ct-shown", { timepointId: tp.timepointId, preview: true });
      onImageShown?.();
      await painted();
    }
    const ct = await decodeLayer("image", image.fileName, await imageBytes);
    stillWanted();
    this.showImage(ct, "image");
    if (!showPreview) {
      mark("ct-shown", { timepointId: tp.timepointId, preview: false });
      onImageShown?.();
    }
    mark("ct-full-shown", { timepointId: tp.timepointId });
    await painted();

    /** Reads an overlay into `layers`; false when it could not be read. */
    const read = async ({ kind, volume }: (typeof overlays)[number]): Promise<boolean> => {
      let img: NVImage;
      try {
        img = await decodeLayer(kind, volume.fileName, await bytes.get(kind)!);
      } catch (e) {
        stillWanted();
        onOverlayError(e instanceof Error ? e.message : `The ${WHAT[kind]} could not be loaded.`);
        return false;
      }
      stillWanted();
      this.layers[kind] = img;
      if (kind === "lesions") this.applyLesionColours();
      this.applyOverlay(kind);
      return true;
    };
    const uploadOverlays = () => timed("gl-upload:overlays", () => this.showLayers("overlays"));
    // The visible overlays go on screen together; the hidden ones are only read (for their toggles),
    // unless one is switched on meanwhile.
    const visible = overlays.filter((o) => this.overlays[o.kind].visible);
    let anyVisible = false;
    for (const o of visible) anyVisible = (await read(o)) || anyVisible;
    if (anyVisible) uploadOverlays();
    for (const o of overlays.filter((x) => !visible.includes(x))) if ((await read(o)) && this.overlays[o.kind].visible) uploadOverlays();
    mark("overlays-shown", { timepointId: tp.timepointId });
    const layers = this.layers;
    const seg = layers.lesions;
    const centroids = seg?.img && seg.hdr ? labelCentroidsMm(seg.img, [seg.hdr.dims[1]!, seg.hdr.dims[2]!, seg.hdr.dims[3]!], seg.hdr.affine as AffineRows) : new Map<number, Vec3Mm>();
    return { timepointId: tp.timepointId, centroids, available: { lesions: !!layers.lesions, entropy: !!layers.entropy, habitats: !!layers.habitats } };
  }

  /** Shows a CT alone (its overlays follow), with the crosshair at the same world point. */
  private showImage(image: NVImage, what: "preview" | "image"): void {
    const keepMm = this.crosshairMm();
    this.layers = { image };
    this.applyWindow();
    timed(`gl-upload:${what}`, () => this.showLayers("all"));
    if (keepMm) this.setCrosshairMm(keepMm);
  }

  setSliceType(kind: SliceKind): void {
    this.nv.setSliceType(SLICE[kind]);
  }

  /** Display range of the CT in HU (a window/level preset). */
  setWindow(minHu: number, maxHu: number): void {
    this.windowHu = { min: minHu, max: maxHu };
    this.applyWindow();
    this.showLayers("image");
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
    if (this.layers[kind] && (shownBefore || setting.visible)) this.showLayers("overlays");
  }

  private applyOverlay(kind: OverlayKind): void {
    const img = this.layers[kind];
    if (img) img.opacity = this.overlays[kind].opacity;
  }

  /**
   * Puts the CT and the visible overlays in the scene and re-renders the layers that `changed` into
   * NiiVue's textures. NiiVue's updateGLVolume re-samples every layer in the scene, the CT included,
   * and in software WebGL each layer takes about as long as the CT: so hidden overlays stay out of
   * the scene, and a change to the overlays or to the window re-renders only those layers
   * (refreshLayers, the per-layer step of updateGLVolume; the overlays are blended bottom to top).
   */
  private showLayers(changed: "all" | "image" | "overlays"): void {
    const image = this.layers.image;
    if (!image) return;
    const list = [image, ...OVERLAY_ORDER.flatMap((k) => (this.layers[k] && this.overlays[k].visible ? [this.layers[k]!] : []))];
    this.nv.volumes = list;
    this.nv.back = image;
    this.nv.overlays = list.slice(1);
    // A new CT also resets the scene's extent (updateGLVolume); with no overlay left, re-rendering
    // the CT layer is what clears the overlay texture from the slices.
    if (changed === "all") return this.nv.updateGLVolume();
    if (changed === "image" || list.length === 1) this.nv.refreshLayers(image, 0);
    else for (let i = 1; i < list.length; i++) this.nv.refreshLayers(list[i]!, i);
    this.nv.drawScene();
  }

  setLesionColours(entries: LesionLegendEntry[]): void {
    this.lesionColours = entries;
    this.applyLesionColours();
    if (this.layers.lesions && this.overlays.lesions.visible) this.showLayers("overlays");
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

  /** The 2D tiles on screen now, in CSS pixels of the canvas (see projection.ts). */
  screenTiles(): ScreenTile[] {
    const back = this.nv.back;
    const px = back?.pixDimsRAS;
    if (!back || !px || this.canvas.width === 0) return [];
    return tilesFromScreenSlices(this.nv.screenSlices, this.canvas.clientWidth / this.canvas.width, [px[1]!, px[2]!, px[3]!]);
  }

  /**
   * Drops the scan and resets the view (zoom, pan, 3D angle) for reuse on another case
   * (engine-pool.ts): the next patient's viewer never shows this one's scan.
   */
  clear(): void {
    this.layers = {};
    this.nv.volumes = [];
    this.nv.overlays = [];
    this.nv.back = null;
    this.nv.scene.sceneData = { ...INITIAL_SCENE_DATA, crosshairPos: [0.5, 0.5, 0.5], pan2Dxyzmm: [0, 0, 0, 1] };
    this.nv.drawScene();
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
