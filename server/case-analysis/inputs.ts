/**
 * Maps a case's stored data to the inputs of the analysis core: the RECIST input, liquid
 * results, interlesional feature vectors and biopsy candidates. Pure; lesions are identified by
 * their tracking id (readable and stable across timepoints).
 */
import type { RecistInput, RecistTimepointResult, LesionMeasurement } from "../analysis/response";
import type { LiquidResult } from "../analysis/liquid";
import type { LesionFeatures } from "../analysis/interlesional";
import type { BiopsyCandidate } from "../analysis/biopsy";

export interface StoredMeasurement {
  timepointId: string;
  date: string;
  present: boolean;
  longAxisMm: number | null;
  shortAxisMm: number | null;
  volumeMl: number | null;
  ithScore: number | null;
  geometry: Record<string, unknown> | null;
}

export interface StoredLesion {
  id: string;
  trackingId: string;
  organ: string;
  isLymphNode: boolean;
  recistRole: "target" | "non-target" | "new" | "non-measurable";
  measurements: StoredMeasurement[];
}

export interface StoredLiquidSample {
  date: string;
  results: { kind: "variant" | "marker" | "tumor-fraction"; analyte: string; variant?: string; detected: boolean; value: number | null; unit: string; lod: number | null }[];
}

/** Immune checkpoint inhibitors: response is read with iRECIST beside RECIST 1.1. */
const IMMUNOTHERAPY = /(ipilimumab|nivolumab|pembrolizumab|atezolizumab|durvalumab|avelumab|cemiplimab|dostarlimab|tremelimumab|relatlimab)/i;

export function isImmunotherapy(therapyNames: string[]): boolean {
  return therapyNames.some((n) => IMMUNOTHERAPY.test(n));
}

function measurementOf(l: StoredLesion, m: StoredMeasurement): LesionMeasurement {
  if (!m.present) return l.isLymphNode ? { shortAxisMm: 0, longAxisMm: 0 } : { longAxisMm: 0, ...(m.shortAxisMm != null ? { shortAxisMm: 0 } : {}) };
  const out: LesionMeasurement = {};
  if (m.longAxisMm != null) out.longAxisMm = m.longAxisMm;
  if (m.shortAxisMm != null) out.shortAxisMm = m.shortAxisMm;
  if (m.volumeMl != null) out.volumeMl = m.volumeMl;
  return out;
}

/** The RECIST input: lesion roles as recorded, measurements per timepoint, new lesions present. */
export function buildRecistInput(lesions: StoredLesion[], timepoints: { id: string; date: string }[]): RecistInput {
  const used = lesions.filter((l) => l.recistRole !== "non-measurable");
  return {
    lesions: used.map((l) => ({ id: l.trackingId, organ: l.organ, kind: l.recistRole as "target" | "non-target" | "new", isLymphNode: l.isLymphNode })),
    timepoints: timepoints.map((tp) => {
      const measurements: RecistInput["timepoints"][number]["measurements"] = {};
      const nonTarget: Record<string, "present" | "absent"> = {};
      let newLesions = false;
      for (const l of used) {
        const m = l.measurements.find((x) => x.timepointId === tp.id);
        if (!m) continue;
        // Mosaic measures every lesion: non-target sizes feed the per-lesion view, not the sum.
        measurements[l.trackingId] = measurementOf(l, m);
        if (l.recistRole === "non-target") nonTarget[l.trackingId] = m.present ? "present" : "absent";
        if (l.recistRole === "new" && m.present) newLesions = true;
      }
      return { id: tp.id, date: tp.date, measurements, nonTarget, newLesions };
    }),
  };
}

export function toLiquidResults(samples: StoredLiquidSample[]): LiquidResult[] {
  return samples.flatMap((s) =>
    s.results.map((r) => ({
      date: s.date,
      analyteType: r.kind === "tumor-fraction" ? ("tumor_fraction" as const) : r.kind,
      analyte: r.kind === "variant" ? `${r.analyte} ${r.variant ?? ""}`.trim() : r.analyte,
      gene: r.kind === "variant" ? r.analyte : null,
      variant: r.kind === "variant" ? (r.variant ?? null) : null,
      value: r.detected ? r.value : null,
      unit: r.unit,
      lod: r.lod,
      detected: r.detected,
    })),
  );
}

/** Each lesion's vector from its most recent present timepoint with features. */
export function interlesionalInputs(
  lesions: StoredLesion[],
  features: { lesionId: string; timepointId: string; features: Record<string, number> }[],
): LesionFeatures[] {
  const out: LesionFeatures[] = [];
  for (const l of lesions) {
    const m = [...l.measurements].reverse().find((x) => x.present && features.some((f) => f.lesionId === l.id && f.timepointId === x.timepointId));
    if (!m) continue;
    const f = features.find((x) => x.lesionId === l.id && x.timepointId === m.timepointId)!.features;
    const v = (k: string) => (Number.isFinite(f[k]) ? f[k]! : null);
    out.push({
      lesionId: l.trackingId,
      label: l.trackingId,
      volumeMl: f.original_shape_MeshVolume != null ? f.original_shape_MeshVolume / 1000 : m.volumeMl,
      sphericity: v("original_shape_Sphericity"),
      firstOrderMean: v("original_firstorder_Mean"),
      firstOrderEntropy: v("original_firstorder_Entropy"),
      kurtosis: v("original_firstorder_Kurtosis"),
      glcmJointEntropy: v("original_glcm_JointEntropy"),
      glcmContrast: v("original_glcm_Contrast"),
      glszmZoneEntropy: v("original_glszm_ZoneEntropy"),
      ithScore: m.ithScore,
    });
  }
  return out;
}

/**
 * Whether a lesion can be sampled percutaneously or endoscopically. A default by organ for the
 * board to confirm: small lung nodules and mediastinal nodes need EBUS or are not reachable.
 */
export function organAccess(organ: string, longAxisMm: number | null): { accessible: boolean; note?: string } {
  const o = organ.toLowerCase();
  if (o === "lung" && (longAxisMm ?? 0) < 15) return { accessible: false, note: "lung nodule under 15 mm: low CT-guided biopsy yield" };
  if (o === "brain") return { accessible: false, note: "intracranial" };
  return { accessible: true };
}

/** Candidates from the latest assessed timepoint's per-lesion changes. */
export function biopsyCandidates(
  lesions: StoredLesion[],
  latest: RecistTimepointResult | undefined,
  phenotypeOf: (trackingId: string) => string | null,
): BiopsyCandidate[] {
  const out: BiopsyCandidate[] = [];
  for (const l of lesions) {
    const last = l.measurements.at(-1);
    if (!last || !last.present) continue;
    const change = latest?.lesions.find((c) => c.lesionId === l.trackingId);
    const longAxisMm = last.longAxisMm;
    const access = organAccess(l.organ, longAxisMm);
    out.push({
      lesionId: l.trackingId,
      label: l.trackingId,
      organ: l.organ,
      longAxisMm,
      changeFromBaselinePct: change?.changeFromBaselinePct ?? null,
      changeFromNadirPct: change?.changeFromNadirPct ?? null,
      nadirLongAxisMm: change?.nadirMm ?? null,
      isNew: l.recistRole === "new",
      phenotype: phenotypeOf(l.trackingId),
      ithScore: last.ithScore,
      accessible: access.accessible,
      accessNote: access.note,
    });
  }
  return out;
}
