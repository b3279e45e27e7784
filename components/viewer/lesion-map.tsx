"use client";
/**
 * The lesion map: a timepoint's CT with lesion outlines coloured by phenotype, the local-entropy
 * map and the habitats as overlays, in NiiVue (browser-only, loaded with `ssr: false`).
 *
 * Selection: clicking a lesion calls `onSelectLesion`; a new `selectedLesion` puts the crosshair on
 * that lesion's centroid. Switching timepoints keeps the selected lesion (same tracking id) under
 * the crosshair. `focus` jumps to a world point (biopsy "show on map"). `view` drives the viewer
 * (follow the presenter) and `onViewChange` reports the user's own changes (not those `view` made).
 * `onCommands` hands out commands for keyboard shortcuts.
 *
 * Live case view: `peers` are drawn as crosshairs in their colours, `annotations` on their slices,
 * and with `onAnnotate` the toolbar offers point, line and region tools (map-overlay.tsx).
 */
import dynamic from "next/dynamic";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { CanvasApi } from "./viewer-canvas";
import type { LoadedTimepoint } from "./niivue-engine";
import { LayoutControl, OverlayControl, TimepointSwitch, WindowControl } from "./viewer-controls";
import { EntropyLegend, HabitatLegend, LesionLegend } from "./lesion-legend";
import { CrosshairReadout, StatusLine, ViewerMessage } from "./viewer-status";
import { windowPreset, windowRange, type WindowId } from "./window-presets";
import { MapOverlay, shapeMeasure, type DrawnShape } from "./map-overlay";
import { AnnotationLabelForm, PeersElsewhere, ToolControl } from "./annotation-controls";
import type { ScreenTile } from "./projection";
import { preloadScan } from "./preload-scan";
import type { DrawnAnnotation, MapAnnotation, MapPeer, MapTool, FocusRequest, LesionCentroids, LesionLegendEntry, OverlayKind, OverlaySettings, SliceKind, Vec3Mm, ViewerCommands, ViewerStatus, ViewerTimepoint, ViewerView } from "./types";

const ViewerCanvas = dynamic(() => import("./viewer-canvas"), { ssr: false });
// NiiVue's code starts loading with the page's scripts rather than once the page has hydrated.
if (typeof window !== "undefined") void import("./viewer-canvas");

export const DEFAULT_OVERLAYS: OverlaySettings = {
  lesions: { visible: true, opacity: 0.3 },
  entropy: { visible: false, opacity: 0.85 },
  habitats: { visible: false, opacity: 0.6 },
};

export interface LesionMapProps {
  timepoints: ViewerTimepoint[];
  lesions: LesionLegendEntry[];
  /** Centroids the analyses know; others are computed from the segmentation in the browser. */
  centroids?: LesionCentroids;
  /** Shown first; default the latest timepoint with a CT. */
  initialTimepointId?: string;
  /** Controlled selection (tracking id); leave undefined to let the map keep its own. */
  selectedLesion?: string | null;
  onSelectLesion?(trackingId: string | null): void;
  focus?: FocusRequest | null;
  view?: ViewerView | null;
  onViewChange?(view: ViewerView): void;
  /** Controlled overlays (for keyboard toggles); leave undefined to let the map keep its own. */
  overlays?: OverlaySettings;
  onOverlaysChange?(overlays: OverlaySettings): void;
  onCommands?(commands: ViewerCommands | null): void;
  /** Other participants' crosshairs (live case view). */
  peers?: MapPeer[];
  /** Annotations to draw on their timepoint's slices. */
  annotations?: MapAnnotation[];
  /** Offers the annotation tools; called with each drawn and labelled annotation. */
  onAnnotate?(annotation: DrawnAnnotation): void;
}

const NO_PEERS: MapPeer[] = [];
const NO_ANNOTATIONS: MapAnnotation[] = [];

const sameTiles = (a: ScreenTile[], b: ScreenTile[]) => a.length === b.length && JSON.stringify(a) === JSON.stringify(b);

export function LesionMap(props: LesionMapProps) {
  const { timepoints, lesions } = props;
  const [tpId, setTpId] = useState<string | null>(() => props.initialTimepointId ?? timepoints.findLast((t) => t.volumes.image)?.timepointId ?? null);
  const [ownSliceType, setSliceType] = useState<SliceKind>("axial");
  const [windowId, setWindowId] = useState<WindowId>("soft-tissue");
  const [ownOverlays, setOwnOverlays] = useState(DEFAULT_OVERLAYS);
  const [ownSelection, setOwnSelection] = useState<string | null>(null);
  const [status, setStatus] = useState<ViewerStatus>({ state: "loading", message: "Starting the viewer…", loadedBytes: 0, totalBytes: 0 });
  const [notes, setNotes] = useState<string[]>([]);
  const [loaded, setLoaded] = useState<LoadedTimepoint | null>(null);
  const [crosshair, setCrosshair] = useState<{ mm: Vec3Mm; hu: number | null; label: number } | null>(null);
  const [tiles, setTiles] = useState<ScreenTile[]>([]);
  const [tool, setTool] = useState<MapTool>("navigate");
  const [pendingShape, setPendingShape] = useState<(DrawnShape & { timepointId: string }) | null>(null);

  const overlays = props.overlays ?? ownOverlays;
  // While following another user, their layout is shown; the user's own choice returns afterwards.
  const sliceType = props.view?.sliceType ?? ownSliceType;
  const selected = props.selectedLesion !== undefined ? props.selectedLesion : ownSelection;
  const timepoint = timepoints.find((t) => t.timepointId === tpId) ?? null;
  preloadScan(timepoint);
  const windowHu = useMemo(() => {
    const r = windowRange(windowPreset(windowId));
    return { min: r.minHu, max: r.maxHu };
  }, [windowId]);

  const api = useRef<CanvasApi | null>(null);
  const drawFrame = useRef(0);
  const computed = useRef(new Map<string, Map<number, Vec3Mm>>());
  /** Where the crosshair goes once the pending timepoint is on screen, and who asked for the switch. */
  const pending = useRef<{ target: Vec3Mm | null; byUser: boolean }>({ target: null, byUser: true });
  const picked = useRef<string | null>(null);
  const latest = useRef({ props, tpId, sliceType, selected, overlays, loaded });
  useLayoutEffect(() => {
    latest.current = { props, tpId, sliceType, selected, overlays, loaded };
  });

  const centroidOf = useCallback((trackingId: string, timepointId: string): Vec3Mm | undefined => {
    const known = latest.current.props.centroids?.[timepointId]?.[trackingId];
    if (known) return known;
    const label = latest.current.props.lesions.find((l) => l.trackingId === trackingId)?.label;
    return label === undefined ? undefined : computed.current.get(timepointId)?.get(label);
  }, []);

  const readCrosshair = useCallback(() => {
    const mm = api.current?.crosshairMm();
    if (mm) setCrosshair({ mm, hu: api.current!.huAt(mm), label: api.current!.labelAt(mm) });
    return mm ?? null;
  }, []);

  const emitView = useCallback((patch: Partial<ViewerView> = {}) => {
    const { props: p, tpId: t, sliceType: s } = latest.current;
    const mm = patch.crosshairMm ?? api.current?.crosshairMm();
    const timepointId = patch.timepointId ?? t;
    if (p.onViewChange && mm && timepointId) p.onViewChange({ timepointId, crosshairMm: mm, sliceType: patch.sliceType ?? s });
  }, []);

  const jumpTo = useCallback(
    (mm: Vec3Mm, byUser: boolean) => {
      // Before the first scan is on screen, the point waits for it.
      if (!latest.current.loaded) {
        pending.current = { target: mm, byUser };
        return;
      }
      api.current?.setCrosshairMm(mm);
      readCrosshair();
      if (byUser) emitView({ crosshairMm: mm });
    },
    [readCrosshair, emitView],
  );

  const switchTimepoint = useCallback((id: string, target: Vec3Mm | null, byUser: boolean) => {
    if (id === latest.current.tpId) return false;
    pending.current = { target, byUser };
    setNotes([]);
    setTpId(id);
    return true;
  }, []);

  const select = useCallback((trackingId: string | null) => {
    const p = latest.current.props;
    if (p.selectedLesion === undefined) setOwnSelection(trackingId);
    p.onSelectLesion?.(trackingId);
  }, []);

  const setOverlays = useCallback((next: OverlaySettings) => {
    const p = latest.current.props;
    if (p.overlays === undefined) setOwnOverlays(next);
    p.onOverlaysChange?.(next);
  }, []);

  const changeSliceType = useCallback(
    (kind: SliceKind) => {
      setSliceType(kind);
      emitView({ sliceType: kind });
    },
    [emitView],
  );

  /**
   * Where a timepoint opens: the pending point ("show on map", a timepoint switch), else the
   * selected lesion, else (the first scan, nothing selected) the first lesion rather than the
   * middle of the volume.
   */
  const landingPoint = useCallback(
    (timepointId: string) => {
      const { props: p, selected: sel, loaded: before } = latest.current;
      const lesionTarget = sel ? centroidOf(sel, timepointId) : undefined;
      const firstLesion = before === null && !sel ? p.lesions.map((x) => centroidOf(x.trackingId, timepointId)).find(Boolean) : undefined;
      return { to: pending.current.target ?? lesionTarget ?? firstLesion, lesionMissing: !!sel && !lesionTarget && !pending.current.target };
    },
    [centroidOf],
  );

  const handleLoaded = useCallback(
    (l: LoadedTimepoint) => {
      computed.current.set(l.timepointId, l.centroids);
      const { to, lesionMissing } = landingPoint(l.timepointId);
      setLoaded(l);
      const { byUser } = pending.current;
      // A reload of the same timepoint (its analysis files arrived) is not the user's navigation.
      pending.current = { target: null, byUser: false };
      const first = latest.current.loaded === null;
      const switched = latest.current.loaded?.timepointId !== l.timepointId;
      const absent = `${latest.current.selected} is not seen on this scan; the crosshair stays where it was.`;
      if (lesionMissing) setNotes((n) => (n.includes(absent) ? n : [...n, absent]));
      if (to) api.current?.setCrosshairMm(to);
      readCrosshair();
      if (byUser && !first && switched) emitView({ timepointId: l.timepointId });
    },
    [landingPoint, readCrosshair, emitView],
  );

  // As soon as the CT (or its half-resolution preview) is on screen, the crosshair goes where the
  // finished load will put it, as far as the known centroids tell, so the view does not jump then.
  const handleImageShown = useCallback(
    (timepointId: string) => {
      const { to } = landingPoint(timepointId);
      if (!to) return;
      api.current?.setCrosshairMm(to);
      readCrosshair();
    },
    [landingPoint, readCrosshair],
  );

  const handleCrosshair = useCallback(
    (mm: Vec3Mm, byUser: boolean) => {
      setCrosshair({ mm, hu: api.current?.huAt(mm) ?? null, label: api.current?.labelAt(mm) ?? 0 });
      if (byUser) emitView({ crosshairMm: mm });
    },
    [emitView],
  );

  const handlePick = useCallback(
    (label: number) => {
      const trackingId = latest.current.props.lesions.find((l) => l.label === label)?.trackingId;
      if (!trackingId || trackingId === latest.current.selected) return;
      picked.current = trackingId;
      select(trackingId);
    },
    [select],
  );

  // The overlay follows NiiVue's frames (slice, zoom, layout, size), at most once per animation frame.
  const handleDraw = useCallback(() => {
    if (drawFrame.current) return;
    drawFrame.current = requestAnimationFrame(() => {
      drawFrame.current = 0;
      const next = api.current?.screenTiles() ?? [];
      setTiles((prev) => (sameTiles(prev, next) ? prev : next));
    });
  }, []);
  useEffect(() => () => cancelAnimationFrame(drawFrame.current), []);

  const onAnnotate = props.onAnnotate;
  const saveAnnotation = useCallback(
    (text: string) => {
      if (pendingShape && onAnnotate) onAnnotate({ kind: pendingShape.kind, points: pendingShape.points, timepointId: pendingShape.timepointId, text });
      setPendingShape(null);
    },
    [pendingShape, onAnnotate],
  );

  // A selection made elsewhere (a table row, the legend) centres the crosshair on the lesion.
  useEffect(() => {
    const l = latest.current.loaded;
    if (!selected || !l) return;
    if (picked.current === selected) {
      picked.current = null;
      return;
    }
    const c = centroidOf(selected, l.timepointId);
    if (c) jumpTo(c, true);
    else setNotes([`${selected} is not seen on this scan.`]);
  }, [selected, centroidOf, jumpTo]);

  // "Show on map": a world point, on its own timepoint when given.
  const focus = props.focus;
  useEffect(() => {
    if (!focus) return;
    if (focus.timepointId && switchTimepoint(focus.timepointId, focus.pointMm, true)) return;
    jumpTo(focus.pointMm, true);
  }, [focus, switchTimepoint, jumpTo]);

  // Follow mode: another user's view drives this one, and is not reported back.
  const view = props.view;
  const [vx, vy, vz] = view?.crosshairMm ?? [NaN, NaN, NaN];
  useEffect(() => {
    if (!view) return;
    if (switchTimepoint(view.timepointId, [vx, vy, vz], false)) return;
    jumpTo([vx, vy, vz], false);
    // The view's identity changes on every awareness update; its values are the dependencies.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view?.timepointId, vx, vy, vz, switchTimepoint, jumpTo]);

  const onCommands = props.onCommands;
  useEffect(() => {
    if (!onCommands) return;
    const step = (delta: 1 | -1) => {
      const withCt = latest.current.props.timepoints.filter((t) => t.volumes.image);
      const i = withCt.findIndex((t) => t.timepointId === latest.current.tpId);
      const next = withCt[Math.min(withCt.length - 1, Math.max(0, i + delta))];
      if (next) switchTimepoint(next.timepointId, null, true);
    };
    const commands: ViewerCommands = {
      toggleOverlay: (kind: OverlayKind) => {
        const o = latest.current.overlays;
        setOverlays({ ...o, [kind]: { ...o[kind], visible: !o[kind].visible } });
      },
      stepTimepoint: step,
      setSliceType: changeSliceType,
      jumpTo: (mm, timepointId) => {
        if (!timepointId || !switchTimepoint(timepointId, mm, true)) jumpTo(mm, true);
      },
      getView: () => {
        const mm = api.current?.crosshairMm();
        const { tpId: t, sliceType: s } = latest.current;
        return mm && t ? { timepointId: t, crosshairMm: mm, sliceType: s } : null;
      },
    };
    onCommands(commands);
    return () => onCommands(null);
  }, [onCommands, switchTimepoint, setOverlays, changeSliceType, jumpTo]);

  const presentLabels = loaded && loaded.timepointId === tpId && loaded.available.lesions ? new Set(loaded.centroids.keys()) : null;
  const available = loaded?.timepointId === tpId ? loaded.available : { lesions: false, entropy: false, habitats: false };
  const showBlocking = status.state === "error" || status.state === "idle" || (status.state === "loading" && !loaded && !status.imageShown);

  return (
    <div className="@container flex flex-col gap-2" data-testid="lesion-map">
      <div className="flex flex-wrap items-center gap-2">
        <TimepointSwitch timepoints={timepoints} value={tpId} onChange={(id) => switchTimepoint(id, null, true)} />
        <span className="mx-1 h-6 w-px bg-line" aria-hidden />
        <LayoutControl value={sliceType} onChange={changeSliceType} />
        <WindowControl value={windowId} onChange={setWindowId} disabled={timepoint?.modality !== "CT"} />
        {onAnnotate && (
          <>
            <span className="mx-1 h-6 w-px bg-line" aria-hidden />
            <ToolControl
              value={tool}
              disabled={sliceType === "render" || !loaded}
              onChange={(t) => {
                setTool(t);
                setPendingShape(null);
              }}
            />
          </>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {(["lesions", "entropy", "habitats"] as OverlayKind[]).map((k) => (
          <OverlayControl key={k} kind={k} settings={overlays} available={available[k]} onChange={setOverlays} />
        ))}
      </div>
      {/* A wide card puts the legend beside the scan; a narrow one gives the scan the full width. */}
      <div className="grid gap-3 @4xl:grid-cols-[minmax(0,1fr)_13rem]">
        <div className="min-w-0 space-y-1.5">
          <div className="relative h-[clamp(300px,52vh,680px)] overflow-hidden rounded-md border border-line bg-black">
            <ViewerCanvas
              timepoint={timepoint}
              sliceType={sliceType}
              windowHu={windowHu}
              overlays={overlays}
              lesions={lesions}
              onApi={(a) => (api.current = a)}
              onStatus={setStatus}
              onLoaded={handleLoaded}
              onOverlayError={(m) => setNotes((n) => (n.includes(m) ? n : [...n, m]))}
              onCrosshair={handleCrosshair}
              onPickLabel={handlePick}
              onDraw={handleDraw}
              onImageShown={handleImageShown}
            />
            <MapOverlay
              tiles={loaded ? tiles : []}
              timepointId={loaded?.timepointId ?? null}
              peers={props.peers ?? NO_PEERS}
              annotations={props.annotations ?? NO_ANNOTATIONS}
              tool={sliceType === "render" ? "navigate" : tool}
              pending={pendingShape}
              onShape={(shape) => loaded && setPendingShape({ ...shape, timepointId: loaded.timepointId })}
              onCancelTool={() => setTool("navigate")}
            />
            {pendingShape && <AnnotationLabelForm kind={pendingShape.kind} measure={shapeMeasure(pendingShape.kind, pendingShape.points)} onSave={saveAnnotation} onCancel={() => setPendingShape(null)} />}
            <ViewerMessage status={status} blocking={showBlocking} />
          </div>
          <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
            <div className="space-y-1">
              <StatusLine status={status} notes={notes} />
              <PeersElsewhere peers={props.peers ?? NO_PEERS} timepoints={timepoints} current={loaded?.timepointId ?? null} />
            </div>
            <CrosshairReadout crosshair={crosshair} lesions={lesions} />
          </div>
        </div>
        <aside className="grid content-start gap-4 @xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] @4xl:max-h-[clamp(300px,52vh,680px)] @4xl:grid-cols-1 @4xl:overflow-y-auto">
          <LesionLegend lesions={lesions} selected={selected} presentLabels={presentLabels} onSelect={select} />
          <div className="space-y-4">
            {overlays.entropy.visible && available.entropy && <EntropyLegend />}
            {overlays.habitats.visible && available.habitats && <HabitatLegend />}
          </div>
        </aside>
      </div>
    </div>
  );
}
