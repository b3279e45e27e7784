/**
 * Plain data of the response core: the `mosaic recist` input shape (DESIGN.md §5) and the
 * per-timepoint result. Sizes in millimetres, volumes in millilitres, dates as 'YYYY-MM-DD'.
 */

/** How a lesion takes part in the assessment. "new" lesions are optional detail for iRECIST. */
export type LesionKind = "target" | "non-target" | "new";

export interface RecistLesion {
  id: string;
  /** Organ as read by the radiologist; compared case-insensitively. All lymph nodes count as one organ. */
  organ: string;
  kind: LesionKind;
  isLymphNode: boolean;
}

/**
 * One lesion measured at one timepoint. Non-nodal lesions need `longAxisMm` (0 = disappeared),
 * lymph nodes need `shortAxisMm`; `tooSmallToMeasure` replaces both (RECIST 1.1 §4.3.2 default).
 */
export interface LesionMeasurement {
  longAxisMm?: number;
  shortAxisMm?: number;
  tooSmallToMeasure?: boolean;
  volumeMl?: number;
}

export type NonTargetStatus = "present" | "absent" | "progression";

export interface RecistTimepointInput {
  id: string;
  /** 'YYYY-MM-DD'; timepoints are in strictly increasing date order, the first is baseline. */
  date: string;
  /** Lesion id to measurement; a target lesion left out (or null) was not evaluated. */
  measurements: Record<string, LesionMeasurement | null>;
  /** Non-target lesion id to status; a non-target lesion left out was not evaluated. */
  nonTarget?: Record<string, NonTargetStatus>;
  /** Unequivocal new lesions present at this timepoint. */
  newLesions: boolean;
}

export interface RecistInput {
  lesions: RecistLesion[];
  timepoints: RecistTimepointInput[];
}

export type TargetResponse = "CR" | "PR" | "SD" | "PD" | "NE";
export type NonTargetResponse = "CR" | "non-CR/non-PD" | "PD" | "NE";
export type RecistOverallResponse = "CR" | "PR" | "SD" | "PD" | "NE" | "non-CR/non-PD";
export type IrecistResponse = "iCR" | "iPR" | "iSD" | "iUPD" | "iCPD" | "NE" | "non-iCR/non-iUPD";

/** Volumetric per-lesion category (SPEC V1-V3): Mosaic's sphere-equivalent of the RECIST bars. */
export type VolumetricCategory = "disappeared" | "decrease" | "stable" | "increase";

export interface LesionChange {
  lesionId: string;
  kind: LesionKind;
  /** The RECIST dimension: short axis for lymph nodes, longest diameter otherwise (mm). */
  sizeMm: number;
  changeFromBaselineMm: number | null;
  /** null when the lesion had no size at baseline (new lesions). */
  changeFromBaselinePct: number | null;
  /** The lesion's smallest size before this timepoint, baseline included (mm). */
  nadirMm: number | null;
  changeFromNadirMm: number | null;
  /** null when the nadir is 0 mm (the change is then only meaningful in mm). */
  changeFromNadirPct: number | null;
  volumeMl: number | null;
  volumeChangeFromBaselinePct: number | null;
  volumeChangeFromNadirPct: number | null;
  volumetricCategory: VolumetricCategory | null;
}

export interface RecistTimepointResult {
  id: string;
  date: string;
  /** Sum of diameters of the target lesions (mm); null without targets or when one is not evaluated. */
  sumMm: number | null;
  /** The smallest sum before this timepoint, baseline included: the PD reference (mm). */
  nadirMm: number | null;
  changeFromBaselinePct: number | null;
  changeFromNadirPct: number | null;
  /** null at baseline and when the patient has no target lesions. */
  targetResponse: TargetResponse | null;
  /** null at baseline and when the patient has no non-target lesions. */
  nonTargetResponse: NonTargetResponse | null;
  newLesions: boolean;
  /** RECIST 1.1 Table 1/2 category, or the iRECIST category when assessed with `irecist`; null at baseline. */
  overallResponse: RecistOverallResponse | IrecistResponse | null;
  /** With `irecist`: the plain RECIST 1.1 category beside the iRECIST one. */
  recistOverallResponse?: RecistOverallResponse | null;
  /** SPEC R18 (DESIGN §2.4). */
  mixedResponse: boolean;
  lesions: LesionChange[];
  /** Why a rule fired where it is not obvious (missing lesions, defaults, iRECIST confirmation). */
  notes: string[];
}

export interface RecistOptions {
  /** Assess with iRECIST (Seymour et al. 2017) instead of plain RECIST 1.1. */
  irecist?: boolean;
  /** Size given to a lesion "too small to measure" (mm); RECIST 1.1 §4.3.2 default 5 mm. */
  tooSmallMm?: number;
}
