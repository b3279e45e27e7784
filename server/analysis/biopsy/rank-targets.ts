/**
 * Biopsy-target ranking by explained components (DESIGN §2.6, SPEC.md B1-B5).
 */
import { AnalysisError } from "../errors";

export interface BiopsyCandidate {
  lesionId: string;
  /** Display label ("L3"). */
  label: string;
  organ: string;
  /** Current longest diameter, mm; null when not measured. */
  longAxisMm: number | null;
  /** Change of the long axis from baseline, %; null for a new lesion. */
  changeFromBaselinePct: number | null;
  /** Change from the lesion's own nadir, %. */
  changeFromNadirPct: number | null;
  /** The nadir long axis, mm, for the +5 mm part of progression (B1); derived from the % when absent. */
  nadirLongAxisMm?: number | null;
  /** Appeared after baseline. */
  isNew?: boolean;
  /** Interlesional phenotype name; null when not clustered. */
  phenotype: string | null;
  /** ITH score 0-100; null when too small to score. */
  ithScore: number | null;
  /** A safe percutaneous or endoscopic route exists (the radiologist's call). */
  accessible: boolean;
  /** Why not accessible, for the sentence. */
  accessNote?: string;
}

export interface BiopsyContext {
  /** Phenotypes already sampled for histology. */
  sampledPhenotypes: string[];
  /** Whether disease elsewhere responds; when omitted, derived per lesion from the others (B1). */
  anyResponding?: boolean;
}

export interface BiopsyWeights {
  resistance: number;
  unsampledPhenotype: number;
  ith: number;
  feasibility: number;
}

/** Resistance first: DESIGN §2.6 lists it first and DEMO expects it to decide (SPEC.md B4). */
export const DEFAULT_BIOPSY_WEIGHTS: BiopsyWeights = { resistance: 3, unsampledPhenotype: 2, ith: 1, feasibility: 1 };

export type BiopsyComponent = keyof BiopsyWeights;

export interface BiopsyReason {
  component: BiopsyComponent;
  /** 0-1. */
  value: number;
  weight: number;
  /** value x weight. */
  contribution: number;
  detail: string;
}

export interface BiopsySuggestion {
  /** 1 = best. */
  rank: number;
  lesionId: string;
  label: string;
  score: number;
  feasible: boolean;
  infeasibleReason: string | null;
  /** Every component, in the order of BiopsyWeights. */
  reasons: BiopsyReason[];
  sentence: string;
}

export const RESPONDING_MAX_PCT = -30;
export const PROGRESSION_MIN_PCT = 20;
export const PROGRESSION_MIN_MM = 5;
export const MIN_BIOPSY_DIAMETER_MM = 10;
export const FULL_FEASIBILITY_DIAMETER_MM = 20;
/** Rounding slack when the nadir is derived from a percentage given to one decimal. */
const DERIVED_NADIR_SLACK_MM = 0.05;

/**
 * Ranks lesions as biopsy targets (SPEC.md B1-B5): score = sum of weight x value over resistance,
 * unsampled phenotype, ITH and feasibility; infeasible lesions rank after every feasible one.
 * Ties fall to the earlier lesion id.
 */
export function rankBiopsyTargets(
  lesions: BiopsyCandidate[],
  context: BiopsyContext,
  weights: BiopsyWeights = DEFAULT_BIOPSY_WEIGHTS,
): BiopsySuggestion[] {
  for (const [k, w] of Object.entries(weights)) {
    if (!Number.isFinite(w) || w < 0) throw new AnalysisError("INVALID_SETTINGS", `weight ${k} must be >= 0, got ${w}`);
  }
  const sampled = new Set(context.sampledPhenotypes);
  const unranked = lesions.map((lesion) => {
    const othersRespond =
      context.anyResponding ??
      lesions.some((o) => o !== lesion && o.changeFromBaselinePct !== null && o.changeFromBaselinePct <= RESPONDING_MAX_PCT);
    const infeasibleReason = feasibilityProblem(lesion);
    const values = componentValues(lesion, othersRespond, sampled, infeasibleReason);
    const reasons = (Object.keys(weights) as BiopsyComponent[]).map((component) => ({
      component,
      value: values[component].value,
      weight: weights[component],
      contribution: values[component].value * weights[component],
      detail: values[component].detail,
    }));
    return {
      lesionId: lesion.lesionId,
      label: lesion.label,
      score: reasons.reduce((s, r) => s + r.contribution, 0),
      feasible: infeasibleReason === null,
      infeasibleReason,
      reasons,
      sentence: sentence(lesion, values, infeasibleReason),
    };
  });
  unranked.sort(
    (a, b) =>
      Number(b.feasible) - Number(a.feasible) ||
      b.score - a.score ||
      (a.lesionId < b.lesionId ? -1 : a.lesionId > b.lesionId ? 1 : 0),
  );
  return unranked.map((s, i) => ({ rank: i + 1, ...s }));
}

type Values = Record<BiopsyComponent, { value: number; detail: string }>;

function componentValues(
  lesion: BiopsyCandidate,
  othersRespond: boolean,
  sampled: Set<string>,
  infeasibleReason: string | null,
): Values {
  const growth = progression(lesion);
  const resistant = growth !== null && othersRespond;
  const unsampled = lesion.phenotype !== null && !sampled.has(lesion.phenotype);
  return {
    resistance: {
      value: resistant ? 1 : 0,
      detail: growth === null ? "not progressing" : othersRespond ? `${growth} while other lesions respond` : `${growth}; no other lesion responds`,
    },
    unsampledPhenotype: {
      value: unsampled ? 1 : 0,
      detail:
        lesion.phenotype === null ? "phenotype unknown" : `phenotype '${lesion.phenotype}' ${unsampled ? "not yet sampled" : "already sampled"}`,
    },
    ith: {
      value: lesion.ithScore === null ? 0 : Math.min(1, Math.max(0, lesion.ithScore / 100)),
      detail: lesion.ithScore === null ? "ITH not scored" : `ITH ${Math.round(lesion.ithScore)}/100`,
    },
    feasibility:
      infeasibleReason === null
        ? { value: Math.min(1, lesion.longAxisMm! / FULL_FEASIBILITY_DIAMETER_MM), detail: `${formatMm(lesion.longAxisMm!)} mm, accessible` }
        : { value: 0, detail: infeasibleReason },
  };
}

/** The progression phrase (B1), or null when the lesion is not progressing. */
function progression(lesion: BiopsyCandidate): string | null {
  // A new lesion that has already gone again (pseudoprogression) no longer signals resistance.
  if (lesion.isNew) return lesion.longAxisMm === 0 ? null : "new lesion";
  const pct = lesion.changeFromNadirPct;
  if (pct === null || lesion.longAxisMm === null || pct < PROGRESSION_MIN_PCT) return null;
  const given = lesion.nadirLongAxisMm ?? null;
  const nadir = given ?? lesion.longAxisMm / (1 + pct / 100);
  const slack = given === null ? DERIVED_NADIR_SLACK_MM : 0;
  if (lesion.longAxisMm - nadir < PROGRESSION_MIN_MM - slack) return null;
  return `growing +${Math.round(pct)} % from nadir`;
}

/** Why the lesion cannot be sampled (B3), or null. */
function feasibilityProblem(lesion: BiopsyCandidate): string | null {
  if (lesion.longAxisMm === null) return "not feasible: size not measured";
  if (lesion.longAxisMm < MIN_BIOPSY_DIAMETER_MM) {
    return `not feasible: ${formatMm(lesion.longAxisMm)} mm, under ${MIN_BIOPSY_DIAMETER_MM} mm`;
  }
  if (!lesion.accessible) return `not feasible: no safe access${lesion.accessNote ? ` (${lesion.accessNote})` : ""}`;
  return null;
}

/** "L3: growing +72 % from nadir while other lesions respond; phenotype 'x' not yet sampled; ITH 68/100" (B5). */
function sentence(lesion: BiopsyCandidate, values: Values, infeasibleReason: string | null): string {
  const parts: string[] = [];
  if (values.resistance.value > 0) parts.push(values.resistance.detail);
  if (lesion.phenotype !== null) parts.push(values.unsampledPhenotype.detail);
  if (lesion.ithScore !== null) parts.push(values.ith.detail);
  if (infeasibleReason) parts.push(infeasibleReason);
  return `${lesion.label}: ${parts.length > 0 ? parts.join("; ") : "no component applies"}`;
}

function formatMm(mm: number): string {
  return Number.isInteger(mm) ? String(mm) : mm.toFixed(1);
}
