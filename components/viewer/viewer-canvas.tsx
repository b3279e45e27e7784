"use client";
/**
 * The NiiVue canvas as a React component. Loaded only in the browser (lesion-map.tsx imports it
 * with `next/dynamic` and `ssr: false`). It owns the engine, follows its props (timepoint, layout,
 * window, overlays, lesion colours) and reports status, crosshair moves and picks.
 */
import { useEffect, useEffectEvent, useRef, useState } from "react";
import type { LoadedTimepoint, ViewerEngine } from "./niivue-engine";
import { leaseEngine } from "./engine-pool";
import { VolumeLoadError } from "./fetch-volume";
import { formatDate } from "@/components/ui/format";
import type { ScreenTile } from "./projection";
import type { LesionLegendEntry, OverlaySettings, SliceKind, Vec3Mm, ViewerStatus, ViewerTimepoint } from "./types";

/** What the lesion map may ask of the canvas directly. */
export interface CanvasApi {
  setCrosshairMm(mm: Vec3Mm): void;
  crosshairMm(): Vec3Mm | null;
  labelAt(mm: Vec3Mm): number;
  huAt(mm: Vec3Mm): number | null;
  /** The 2D tiles on screen, CSS pixels (for drawing over the canvas). */
  screenTiles(): ScreenTile[];
}

export interface ViewerCanvasProps {
  timepoint: ViewerTimepoint | null;
  sliceType: SliceKind;
  windowHu: { min: number; max: number };
  overlays: OverlaySettings;
  lesions: LesionLegendEntry[];
  onApi(api: CanvasApi | null): void;
  onStatus(status: ViewerStatus): void;
  onLoaded(loaded: LoadedTimepoint): void;
  onOverlayError(message: string): void;
  onCrosshair(mm: Vec3Mm, byUser: boolean): void;
  onPickLabel(label: number): void;
  /** NiiVue drew a frame. */
  onDraw?(): void;
  /** The timepoint's CT (or its preview) is on screen; its overlays are still coming. */
  onImageShown?(timepointId: string): void;
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export default function ViewerCanvas(props: ViewerCanvasProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [engine, setEngine] = useState<ViewerEngine | null>(null);
  const [webglError, setWebglError] = useState<string | null>(null);
  const { timepoint, sliceType, windowHu, overlays, lesions } = props;

  const onCrosshair = useEffectEvent((mm: Vec3Mm, byUser: boolean) => props.onCrosshair(mm, byUser));
  const onPickLabel = useEffectEvent((label: number) => props.onPickLabel(label));
  const onDraw = useEffectEvent(() => props.onDraw?.());
  const onImageShown = useEffectEvent((timepointId: string) => props.onImageShown?.(timepointId));
  const onStatus = useEffectEvent((s: ViewerStatus) => props.onStatus(s));
  const onLoaded = useEffectEvent((l: LoadedTimepoint) => props.onLoaded(l));
  const onOverlayError = useEffectEvent((m: string) => props.onOverlayError(m));
  const onApi = useEffectEvent((api: CanvasApi | null) => props.onApi(api));

  // The engine (canvas, WebGL context, shaders) outlives the component: the next case's viewer
  // takes it over, cleared, instead of starting NiiVue again (engine-pool.ts).
  useEffect(() => {
    let disposed = false;
    const lease = leaseEngine(hostRef.current!, { onCrosshair: (mm, byUser) => onCrosshair(mm, byUser), onPickLabel: (l) => onPickLabel(l), onDraw: () => onDraw() });
    const e = lease.engine;
    lease.ready.then(
      () => {
        if (disposed) return;
        setEngine(e);
        onApi({ setCrosshairMm: (mm) => e.setCrosshairMm(mm), crosshairMm: () => e.crosshairMm(), labelAt: (mm) => e.labelAt(mm), huAt: (mm) => e.huAt(mm), screenTiles: () => e.screenTiles() });
      },
      // NiiVue throws when the browser has no WebGL2.
      (err: unknown) => !disposed && setWebglError(`The viewer could not start (WebGL2 is needed): ${err instanceof Error ? err.message : String(err)}`),
    );
    return () => {
      disposed = true;
      onApi(null);
      setEngine(null);
      lease.release();
    };
  }, []);

  useEffect(() => {
    if (!engine) return;
    if (!timepoint) {
      onStatus({ state: "idle", message: "No scan to show for this case yet." });
      return;
    }
    const abort = new AbortController();
    let progress = { loadedBytes: 0, totalBytes: 0, imageShown: false };
    // An overlay may still be downloading when the CT has failed: its progress is not news then.
    let settled = false;
    onStatus({ state: "loading", message: `Loading ${timepoint.label}…`, ...progress });
    engine
      .showTimepoint(
        timepoint,
        (loaded, total, what) => {
          if (abort.signal.aborted || settled) return;
          progress = { ...progress, loadedBytes: loaded, totalBytes: total };
          onStatus({ state: "loading", message: `Loading ${timepoint.label} (${what}): ${mb(loaded)} of ${mb(total)}`, ...progress });
        },
        (message) => onOverlayError(message),
        abort.signal,
        () => {
          if (abort.signal.aborted) return;
          progress = { ...progress, imageShown: true };
          onImageShown(timepoint.timepointId);
          onStatus({ state: "loading", message: `${timepoint.modality} ${timepoint.label} shown; loading its overlays…`, ...progress });
        },
      )
      .then(
        (loaded) => {
          settled = true;
          if (abort.signal.aborted) return;
          onLoaded(loaded);
          onStatus({ state: "ready", message: `${timepoint.modality} ${timepoint.label}, ${formatDate(timepoint.date)}` });
        },
        (err: unknown) => {
          settled = true;
          if (abort.signal.aborted) return;
          const message = err instanceof VolumeLoadError ? err.message : `The scan could not be shown: ${err instanceof Error ? err.message : String(err)}`;
          onStatus({ state: "error", message });
        },
      );
    return () => abort.abort();
    // Reload only when the timepoint's files change, not on every new props object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engine, timepoint?.timepointId, timepoint?.volumes.image?.url, timepoint?.volumes.segmentation?.url, timepoint?.volumes.entropy?.url, timepoint?.volumes.habitats?.url]);

  useEffect(() => engine?.setSliceType(sliceType), [engine, sliceType]);
  useEffect(() => engine?.setWindow(windowHu.min, windowHu.max), [engine, windowHu.min, windowHu.max]);
  useEffect(() => engine?.setLesionColours(lesions), [engine, lesions]);
  const { lesions: lesionLayer, entropy, habitats } = overlays;
  useEffect(() => engine?.setOverlay("lesions", lesionLayer), [engine, lesionLayer]);
  useEffect(() => engine?.setOverlay("entropy", entropy), [engine, entropy]);
  useEffect(() => engine?.setOverlay("habitats", habitats), [engine, habitats]);

  return (
    <div ref={hostRef} className="absolute inset-0">
      {webglError && <p className="absolute inset-0 flex items-center justify-center p-6 text-center text-sm text-bad">{webglError}</p>}
    </div>
  );
}
