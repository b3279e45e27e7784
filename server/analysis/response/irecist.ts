/**
 * iRECIST timepoint responses (SPEC I1-I7): Seymour et al., Lancet Oncol 2017;18:e143-52, Table 2,
 * with the EORTC RECIST working group's iRECIST FAQ where the paper leaves a gap.
 * Runs on top of the RECIST 1.1 categories of each follow-up, in date order.
 */
import { daysBetween } from "./iso-date";
import { pickLargestPerOrgan } from "./target-selection";
import type { IrecistResponse, NonTargetResponse, RecistOverallResponse, TargetResponse } from "./types";

/** I3: confirmation needs the next assessment at least 4 and ideally at most 8 weeks after iUPD. */
export const CONFIRM_MIN_DAYS = 28;
export const CONFIRM_MAX_DAYS = 56;
/** I3: a further 5 mm in the target sum, or in the new-lesion target sum, confirms progression. */
export const CONFIRM_SUM_INCREASE_MM = 5;

export interface NewLesionState {
  sizeMm: number;
  /** Measurable by RECIST 1.1 (>= 10 mm, nodes >= 15 mm short axis): a new-lesion target candidate. */
  measurable: boolean;
  organKey: string;
}

/** What iRECIST needs of one follow-up, computed by the RECIST 1.1 pass. */
export interface IrecistStep {
  date: string;
  sumMm: number | null;
  partialSumMm: number;
  targetResponse: TargetResponse | null;
  nonTargetResponse: NonTargetResponse | null;
  newLesions: boolean;
  recist: RecistOverallResponse;
  /** New lesions (kind "new") present at this timepoint, by id. */
  newLesionSizes: Map<string, NewLesionState>;
  /** Measured non-target lesions, by id (mm). */
  nonTargetSizes: Map<string, number>;
}

interface Episode {
  date: string;
  step: IrecistStep;
  targetPd: boolean;
  nonTargetPd: boolean;
  /** I2: up to 5 measurable new lesions (2 per organ) are new-lesion targets, the rest non-target. */
  newTargetIds: string[];
}

const TO_IRECIST: Record<Exclude<RecistOverallResponse, "PD">, IrecistResponse> = {
  CR: "iCR",
  PR: "iPR",
  SD: "iSD",
  NE: "NE",
  "non-CR/non-PD": "non-iCR/non-iUPD",
};

function openEpisode(step: IrecistStep): Episode {
  const candidates = [...step.newLesionSizes].filter(([, s]) => s.measurable).map(([id, s]) => ({ id, organKey: s.organKey, sizeMm: s.sizeMm }));
  return {
    date: step.date,
    step,
    targetPd: step.targetResponse === "PD",
    nonTargetPd: step.nonTargetResponse === "PD",
    newTargetIds: pickLargestPerOrgan(candidates).map((c) => c.id),
  };
}

/** I3/I4: the reasons, if any, why `step` confirms the progression of `episode`. */
function confirmationReasons(episode: Episode, step: IrecistStep): string[] {
  const ref = episode.step;
  const reasons: string[] = [];
  if (episode.targetPd) {
    // Growth is additive across assessments (iRECIST FAQ), so the reference is the iUPD assessment;
    // a partial sum is a lower bound, since a lesion not evaluated can only add to it.
    const growth = (step.sumMm ?? step.partialSumMm) - (ref.sumMm ?? ref.partialSumMm);
    if (growth >= CONFIRM_SUM_INCREASE_MM) reasons.push(`target sum +${growth.toFixed(1)} mm since iUPD`);
  } else if (step.targetResponse === "PD") {
    reasons.push("target lesions now meet RECIST 1.1 PD");
  }
  if (episode.nonTargetPd) {
    // Any increase confirms; it need not be unequivocal (Table 2). Only measured lesions can show it.
    for (const [id, size] of step.nonTargetSizes) {
      const before = ref.nonTargetSizes.get(id);
      if (before !== undefined && size > before) reasons.push(`non-target ${id} grew ${before} -> ${size} mm`);
    }
  } else if (step.nonTargetResponse === "PD") {
    reasons.push("non-target lesions now show unequivocal progression");
  }
  if (!ref.newLesions && step.newLesions) reasons.push("new lesions appeared");
  const additional = [...step.newLesionSizes.keys()].filter((id) => !ref.newLesionSizes.has(id));
  if (ref.newLesions && additional.length) reasons.push(`additional new lesion ${additional.join(", ")}`);
  const sizeAt = (map: Map<string, NewLesionState>, id: string) => map.get(id)?.sizeMm ?? 0;
  const newTargetGrowth = episode.newTargetIds.reduce((acc, id) => acc + sizeAt(step.newLesionSizes, id) - sizeAt(ref.newLesionSizes, id), 0);
  if (episode.newTargetIds.length && newTargetGrowth >= CONFIRM_SUM_INCREASE_MM) {
    reasons.push(`new-lesion target sum +${newTargetGrowth.toFixed(1)} mm`);
  }
  for (const id of ref.newLesionSizes.keys()) {
    if (episode.newTargetIds.includes(id)) continue;
    if (sizeAt(step.newLesionSizes, id) > sizeAt(ref.newLesionSizes, id)) reasons.push(`new non-target lesion ${id} grew`);
  }
  return reasons;
}

/**
 * The iRECIST category of each follow-up (same order as `steps`), with notes.
 * I1: RECIST 1.1 PD opens an episode as iUPD. I3: the next assessment confirms it (iCPD) by
 * further growth or by progression in a category that had not progressed. I5: if that assessment
 * no longer meets PD in any category, the bar resets (iSD/iPR/iCR) and a later PD is iUPD again;
 * otherwise the timepoint remains iUPD. I6: NE neither confirms nor resets. I7: once confirmed,
 * later PD timepoints stay iCPD.
 */
export function irecistResponses(steps: IrecistStep[]): { response: IrecistResponse; notes: string[] }[] {
  let episode: Episode | null = null;
  let confirmed = false;
  return steps.map((step) => {
    if (confirmed || !episode) {
      if (step.recist !== "PD") return { response: TO_IRECIST[step.recist], notes: [] };
      if (confirmed) return { response: "iCPD", notes: ["progression already confirmed"] };
      episode = openEpisode(step);
      return { response: "iUPD", notes: ["RECIST 1.1 PD: unconfirmed (iUPD) until the next assessment 4-8 weeks later"] };
    }
    const gapDays = daysBetween(episode.date, step.date);
    const reasons = confirmationReasons(episode, step);
    if (reasons.length && gapDays >= CONFIRM_MIN_DAYS) {
      const notes = [`iCPD confirms iUPD of ${episode.date}: ${reasons.join("; ")}`];
      if (gapDays > CONFIRM_MAX_DAYS) notes.push(`confirmed ${gapDays} days after iUPD, later than the 4-8 weeks iRECIST asks`);
      confirmed = true;
      episode = null;
      return { response: "iCPD", notes };
    }
    if (reasons.length) {
      return { response: "iUPD", notes: [`further growth (${reasons.join("; ")}) only ${gapDays} days after iUPD: confirmation needs at least 4 weeks`] };
    }
    if (step.recist === "NE") return { response: "NE", notes: [`iUPD of ${episode.date} still unconfirmed`] };
    if (step.recist !== "PD") {
      const from = episode.date;
      episode = null;
      return { response: TO_IRECIST[step.recist], notes: [`iUPD of ${from} not confirmed: the bar is reset`] };
    }
    const notes = [`remains iUPD: no further growth since ${episode.date}`];
    if (episode.step.newLesions && step.newLesions && step.newLesionSizes.size === 0) {
      notes.push("new lesions are not measured, so their growth cannot confirm progression");
    }
    return { response: "iUPD", notes };
  });
}
