/**
 * Imaging/molecular discordance (SPEC L9, DESIGN.md §2.5): imaging and ctDNA disagree within a
 * window of days. Flagged on the case for the board to discuss, not resolved here.
 */
import { AnalysisError } from "../errors";
import { daysBetween, isIsoDate } from "../response/iso-date";
import type { IrecistResponse, RecistOverallResponse } from "../response/types";
import type { CtdnaState, LiquidAnalysis } from "./types";

export const DEFAULT_DISCORDANCE_WINDOW_DAYS = 30;

export interface ImagingResponse {
  date: string;
  overallResponse: RecistOverallResponse | IrecistResponse | null;
}

export type DiscordanceKind = "imaging-response-molecular-progression" | "imaging-progression-molecular-response";

export interface Discordance {
  kind: DiscordanceKind;
  /** Imaging date. */
  date: string;
  /** Date of the disagreeing ctDNA result. */
  sampleDate: string;
  imagingResponse: RecistOverallResponse | IrecistResponse;
  message: string;
}

// CR and non-CR/non-PD disagree with molecular progression at least as much as SD/PR do.
const IMAGING_NOT_PROGRESSING = new Set(["CR", "PR", "SD", "non-CR/non-PD", "iCR", "iPR", "iSD", "non-iCR/non-iUPD"]);
const IMAGING_PROGRESSING = new Set(["PD", "iUPD", "iCPD"]);

function molecularProgression(s: CtdnaState): string | null {
  if (s.status === "progression") return "molecular progression";
  if (s.emergedVariants.length) return `emerging variant ${s.emergedVariants.join(", ")}`;
  return null;
}

function molecularResponse(s: CtdnaState): string | null {
  // An emerged variant still detected contradicts a favourable reading (Mosaic's choice, SPEC L9).
  if (s.emergedVariants.length) return null;
  if (s.status === "clearance") return "ctDNA clearance";
  if (s.status === "response") return "molecular response";
  return null;
}

/**
 * For each imaging timepoint, the nearest ctDNA result within `windowDays` (either side) that
 * disagrees: imaging CR/PR/SD (or iRECIST equivalents, non-CR/non-PD) while ctDNA shows molecular
 * progression or an emerged variant; imaging PD/iUPD/iCPD while ctDNA shows molecular response or
 * clearance without an emerged variant. NE and baseline (null) imaging are skipped.
 */
export function findDiscordance(liquid: LiquidAnalysis, imaging: ImagingResponse[], windowDays = DEFAULT_DISCORDANCE_WINDOW_DAYS): Discordance[] {
  if (!(Number.isInteger(windowDays) && windowDays >= 0 && windowDays <= 365)) {
    throw new AnalysisError("INVALID_SETTINGS", `windowDays must be an integer from 0 to 365, got ${windowDays}`);
  }
  const samples = liquid.timepoints.filter((t) => t.ctdna && t.ctdna.status !== "baseline");
  const out: Discordance[] = [];
  imaging.forEach((img, i) => {
    if (!isIsoDate(img.date)) throw new AnalysisError("INVALID_INPUT", `imaging[${i}].date: "${img.date}" is not a valid YYYY-MM-DD date`);
    const response = img.overallResponse;
    if (response === null) return;
    const progressing = IMAGING_PROGRESSING.has(response);
    if (!progressing && !IMAGING_NOT_PROGRESSING.has(response)) return;
    const near = samples
      .map((t) => ({ t, gap: Math.abs(daysBetween(img.date, t.date)) }))
      .filter((s) => s.gap <= windowDays)
      .sort((a, b) => a.gap - b.gap || (a.t.date < b.t.date ? -1 : 1));
    for (const { t } of near) {
      const finding = progressing ? molecularResponse(t.ctdna!) : molecularProgression(t.ctdna!);
      if (!finding) continue;
      out.push({
        kind: progressing ? "imaging-progression-molecular-response" : "imaging-response-molecular-progression",
        date: img.date,
        sampleDate: t.date,
        imagingResponse: response,
        message: `Imaging ${response} on ${img.date} but ${finding} in ctDNA on ${t.date}`,
      });
      break;
    }
  });
  return out;
}
