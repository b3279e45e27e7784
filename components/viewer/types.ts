/**
 * The lesion map's public types. Coordinates are world millimetres in the scanner frame (RAS+,
 * DESIGN.md §2.1), the same frame annotations and biopsy points are stored in.
 */

export type Vec3Mm = [number, number, number];

/** NiiVue layouts the viewer offers: three planes (plus 3D), one axial plane, or the 3D render. */
export type SliceKind = "multiplanar" | "axial" | "render";

/** What the collaboration layer shares and follows (DESIGN.md §4, awareness `view`). */
export interface ViewerView {
  timepointId: string;
  crosshairMm: Vec3Mm;
  sliceType: SliceKind;
}

export type OverlayKind = "lesions" | "entropy" | "habitats";

export interface OverlaySetting {
  visible: boolean;
  /** 0-1. */
  opacity: number;
}

export type OverlaySettings = Record<OverlayKind, OverlaySetting>;

/** One lesion as the map colours and names it. */
export interface LesionLegendEntry {
  /** Label value in the case's segmentations. */
  label: number;
  trackingId: string;
  /** CSS hex colour, `#rrggbb`: the lesion's phenotype colour. */
  colour: string;
  /** Phenotype name, or null while the interlesional analysis has not run. */
  phenotype: string | null;
  /** Short site text for the legend ("liver segment VII"). */
  site?: string;
}

/** One timepoint's volumes as URLs (the authenticated `/api/volumes/<id>` route). */
export interface ViewerTimepoint {
  timepointId: string;
  /** ISO date. */
  date: string;
  /** Switcher text, e.g. "Baseline" or "+63 d". */
  label: string;
  modality: "CT" | "MR" | "PET";
  volumes: {
    image?: ViewerVolume;
    segmentation?: ViewerVolume;
    entropy?: ViewerVolume;
    habitats?: ViewerVolume;
  };
}

export interface ViewerVolume {
  url: string;
  fileName: string;
  byteSize: number;
}

/** Known lesion centroids: timepoint id → tracking id → world mm. */
export type LesionCentroids = Record<string, Record<string, Vec3Mm>>;

/** A request to put the crosshair on a point ("show on map"); a new `key` repeats the jump. */
export interface FocusRequest {
  pointMm: Vec3Mm;
  /** Switch to this timepoint first (the point belongs to its scan). */
  timepointId?: string;
  key: string | number;
}

export type ViewerStatus =
  | { state: "idle"; message: string }
  /** `imageShown`: the CT is on the canvas, its overlays are still loading. */
  | { state: "loading"; message: string; loadedBytes: number; totalBytes: number; imageShown?: boolean }
  | { state: "ready"; message: string }
  | { state: "error"; message: string };

/** Commands the page's keyboard shortcuts and panels can call (see selection.tsx). */
export interface ViewerCommands {
  toggleOverlay(kind: OverlayKind): void;
  stepTimepoint(delta: 1 | -1): void;
  setSliceType(kind: SliceKind): void;
  jumpTo(pointMm: Vec3Mm, timepointId?: string): void;
  getView(): ViewerView | null;
}

/** Another participant's crosshair, drawn on the map in their colour (live case view). */
export interface MapPeer {
  clientId: number;
  name: string;
  /** CSS hex colour. */
  colour: string;
  timepointId: string;
  crosshairMm: Vec3Mm;
  presenting: boolean;
}

export type AnnotationKind = "point" | "line" | "roi";

/** An annotation as the map draws it: world mm on one timepoint (DESIGN.md §4). */
export interface MapAnnotation {
  id: string;
  kind: AnnotationKind;
  timepointId: string;
  points: Vec3Mm[];
  text: string;
  /** CSS hex colour: its author's. */
  colour: string;
  author: string;
}

/** What the pointer does on the map: navigate (NiiVue's own), or place an annotation. */
export type MapTool = "navigate" | AnnotationKind;

/** An annotation the user drew, with the label they gave it. */
export interface DrawnAnnotation {
  kind: AnnotationKind;
  timepointId: string;
  points: Vec3Mm[];
  text: string;
}
