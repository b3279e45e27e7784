/**
 * Biopsy suggestions as the panel shows them: with the lesion's site and size, the maximum score,
 * and where "show on map" goes: the suggested point, else the lesion's centre, on the scan they
 * were computed on (the lesion's latest timepoint).
 */
import type { Vec3Mm } from "@/components/viewer/types";
import type { BiopsyTarget } from "./biopsy-panel";
import type { BiopsySuggestionView, CaseLesion } from "./types";

const isVec3 = (v: unknown): v is Vec3Mm => Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === "number" && Number.isFinite(x));

export function biopsyTargets(suggestions: BiopsySuggestionView[], lesions: CaseLesion[]): BiopsyTarget[] {
  return [...suggestions]
    .sort((a, b) => a.rank - b.rank)
    .map((s) => {
      const lesion = lesions.find((l) => l.trackingId === s.trackingId);
      const latest = lesion?.measurements.at(-1);
      const centre = latest?.present ? latest.geometry?.centroidMm : undefined;
      const point = isVec3(s.pointMm) ? s.pointMm : isVec3(centre) ? centre : null;
      return {
        trackingId: s.trackingId,
        site: lesion?.site ?? "",
        rank: s.rank,
        score: s.score,
        maxScore: s.reasons.reduce((sum, r) => sum + r.weight, 0),
        sentence: s.sentence,
        reasons: s.reasons.map((r) => ({ ...r, value: Number(r.value) })),
        pointMm: point,
        pointKind: isVec3(s.pointMm) ? "suggested" : point ? "centre" : null,
        timepointId: latest?.timepointId ?? null,
        longAxisMm: latest?.present ? (lesion!.isLymphNode ? (latest.shortAxisMm ?? latest.longAxisMm) : latest.longAxisMm) : null,
      };
    });
}
