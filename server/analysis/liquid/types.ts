/**
 * Plain data of the liquid-profiling core (DESIGN.md §2.5). Dates are 'YYYY-MM-DD'; VAF and tumor
 * fraction in percent; markers in the unit the lab reports (ng/mL, U/mL, ...).
 */

export type AnalyteType = "variant" | "marker" | "tumor_fraction";

/** One result of one analyte on one date, as both importers produce it. */
export interface LiquidResult {
  date: string;
  analyteType: AnalyteType;
  /** Series key: the marker name, "GENE variant" for a ctDNA variant, or a tumor-fraction label. */
  analyte: string;
  gene: string | null;
  variant: string | null;
  /** Measured value in `unit`; null when not detected. */
  value: number | null;
  unit: string;
  /** Limit of detection in `unit`, when reported. */
  lod: number | null;
  detected: boolean;
}

/** Thresholds of SPEC.md L3-L8; every default there has its source. */
export interface LiquidOptions {
  /** L4: molecular response when the mean VAF is at least this % below baseline (default 50). */
  molecularResponseDecreasePct?: number;
  /** L6: molecular progression when the mean VAF is at least this multiple of its nadir (default 2). */
  molecularProgressionFold?: number;
  /** L8: marker progression when a value is at least this % above the nadir (default 25). */
  markerProgressionIncreasePct?: number;
  /** L8: extra absolute rise above nadir per marker, in the given unit (default PSA 2 ng/mL, PCWG). */
  markerMinAbsoluteRise?: Record<string, { value: number; unit: string }>;
  /** L1: number of latest values the trend is fitted to (default 3, at least 3). */
  trendPoints?: number;
}

export type MolecularStatus = "baseline" | "no-baseline-variants" | "clearance" | "progression" | "response" | "stable";

/** The ctDNA picture on one date with at least one variant result. */
export interface CtdnaState {
  /** Mean VAF (%) of the variants detected at baseline; not detected counts 0. */
  meanVafPercent: number | null;
  changeFromBaselinePct: number | null;
  /** Smallest mean VAF before this date, baseline included (%). */
  nadirMeanVafPercent: number | null;
  status: MolecularStatus;
  detectedVariants: string[];
  /** Variants detected now that were not detected at baseline. */
  emergedVariants: string[];
  /** Emerged variants detected for the first time on this date. */
  newlyEmerged: string[];
  /** Variants seen on other dates but not reported on this one: read as not detected (L2). */
  assumedNotDetected: string[];
}

export interface MarkerPoint {
  analyte: string;
  unit: string;
  /** Value used by the rules: the result, or the LOD for a result below it; null if neither. */
  value: number | null;
  nadir: number | null;
  changeFromNadirPct: number | null;
  /** L8: at least the progression threshold above the nadir. */
  elevated: boolean;
}

export type LiquidFlagKind =
  | "molecular-response"
  | "clearance"
  | "molecular-progression"
  | "emerging-variant"
  | "marker-rise"
  | "marker-progression";

export interface LiquidFlag {
  kind: LiquidFlagKind;
  date: string;
  analyte?: string;
  /** For a confirmed marker progression: the date of the first elevated value. */
  onsetDate?: string;
  message: string;
}

export interface LiquidTimepoint {
  date: string;
  /** null when no ctDNA variant was reported on this date. */
  ctdna: CtdnaState | null;
  markers: MarkerPoint[];
  flags: LiquidFlag[];
}

/** A log-linear fit of one series (SPEC L1). */
export interface TrendFit {
  /** Values fitted (0 when undefined). */
  points: number;
  fromDate: string | null;
  toDate: string | null;
  /** Least-squares slope of ln(value) per day; null when undefined (see `reason`). */
  slopePerDay: number | null;
  doublingTimeDays: number | null;
  halvingTimeDays: number | null;
  reason?: string;
}

export interface Trend extends TrendFit {
  analyte: string;
  analyteType: AnalyteType;
  unit: string;
}

export interface LiquidAnalysis {
  timepoints: LiquidTimepoint[];
  trends: Trend[];
  flags: LiquidFlag[];
}
