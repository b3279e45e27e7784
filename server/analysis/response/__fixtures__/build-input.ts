/**
 * Compact builder for RECIST test inputs: lesions by id, timepoints 6 weeks apart from 2025-01-06.
 * A number is the RECIST dimension (long axis, or short axis for a node); "small" is too small to
 * measure; null is not evaluated.
 */
import { addDays } from "../iso-date";
import type { LesionKind, LesionMeasurement, NonTargetStatus, RecistInput } from "../types";

export interface LesionSpec {
  kind?: LesionKind;
  node?: boolean;
  organ?: string;
}

export interface TimepointSpec {
  m?: Record<string, number | "small" | null>;
  nt?: Record<string, NonTargetStatus>;
  newLesions?: boolean;
  /** Days after the previous timepoint (default 42). */
  gapDays?: number;
}

export function buildInput(lesions: Record<string, LesionSpec>, timepoints: TimepointSpec[]): RecistInput {
  let date = "2025-01-06";
  return {
    lesions: Object.entries(lesions).map(([id, s]) => ({
      id,
      organ: s.organ ?? `organ-${id}`,
      kind: s.kind ?? "target",
      isLymphNode: s.node ?? false,
    })),
    timepoints: timepoints.map((tp, i) => {
      if (i > 0) date = addDays(date, tp.gapDays ?? 42);
      const measurements: Record<string, LesionMeasurement | null> = {};
      for (const [id, v] of Object.entries(tp.m ?? {})) {
        const node = lesions[id]?.node ?? false;
        measurements[id] = v === null ? null : v === "small" ? { tooSmallToMeasure: true } : node ? { shortAxisMm: v } : { longAxisMm: v };
      }
      return { id: `t${i}`, date, measurements, nonTarget: tp.nt, newLesions: tp.newLesions ?? false };
    }),
  };
}
