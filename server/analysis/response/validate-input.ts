/**
 * Checks a RECIST input (DESIGN.md §5 shape) before any rule runs: shape with zod, then the
 * cross-field rules RECIST itself imposes. Every failure is one AnalysisError("INVALID_INPUT")
 * whose message starts with the offending field, e.g. `timepoints[2].measurements.L1.longAxisMm`.
 */
import { z } from "zod";
import { AnalysisError } from "../errors";
import { isoDateToDay } from "./iso-date";
import {
  MAX_DIAMETER_MM,
  MAX_TARGETS,
  MAX_TARGETS_PER_ORGAN,
  MEASURABLE_LONG_AXIS_MM,
  NODE_PATHOLOGICAL_SHORT_AXIS_MM,
  NODE_TARGET_SHORT_AXIS_MM,
  organKey,
} from "./lesion-size";
import type { LesionMeasurement, RecistInput, RecistLesion } from "./types";

const MAX_LESIONS = 500;
const MAX_TIMEPOINTS = 500;
const MAX_VOLUME_ML = 100_000;

const id = z.string().min(1).max(64);
const mm = z.number().min(0).max(MAX_DIAMETER_MM);

const measurementSchema = z.strictObject({
  longAxisMm: mm.optional(),
  shortAxisMm: mm.optional(),
  tooSmallToMeasure: z.boolean().optional(),
  volumeMl: z.number().min(0).max(MAX_VOLUME_ML).optional(),
});

const inputSchema = z.strictObject({
  lesions: z
    .array(
      z.strictObject({
        id,
        organ: z.string().trim().min(1).max(64),
        kind: z.enum(["target", "non-target", "new"]),
        isLymphNode: z.boolean(),
      }),
    )
    .min(1)
    .max(MAX_LESIONS),
  timepoints: z
    .array(
      z.strictObject({
        id,
        date: z.string(),
        measurements: z.record(z.string(), measurementSchema.nullable()),
        nonTarget: z.record(z.string(), z.enum(["present", "absent", "progression"])).optional(),
        newLesions: z.boolean(),
      }),
    )
    .min(1)
    .max(MAX_TIMEPOINTS),
});

function pathText(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : `${out ? "." : ""}${String(key)}`;
  return out || "input";
}

function fail(field: string, problem: string): never {
  throw new AnalysisError("INVALID_INPUT", `${field}: ${problem}`);
}

function checkMeasurement(field: string, lesion: RecistLesion, m: LesionMeasurement): void {
  if (m.tooSmallToMeasure) {
    if (m.longAxisMm !== undefined || m.shortAxisMm !== undefined) {
      fail(field, "give either tooSmallToMeasure or a size, not both");
    }
    return;
  }
  if (lesion.isLymphNode && m.shortAxisMm === undefined) fail(`${field}.shortAxisMm`, "required for a lymph node");
  if (!lesion.isLymphNode && m.longAxisMm === undefined) fail(`${field}.longAxisMm`, "required for a non-nodal lesion");
  if (m.longAxisMm !== undefined && m.shortAxisMm !== undefined && m.shortAxisMm > m.longAxisMm) {
    // The short axis is measured perpendicular to the longest diameter, so it cannot exceed it.
    fail(`${field}.shortAxisMm`, `${m.shortAxisMm} mm exceeds the long axis ${m.longAxisMm} mm`);
  }
}

function checkLesions(lesions: RecistLesion[]): Map<string, RecistLesion> {
  const byId = new Map<string, RecistLesion>();
  const perOrgan = new Map<string, number>();
  let targets = 0;
  lesions.forEach((lesion, i) => {
    if (byId.has(lesion.id)) fail(`lesions[${i}].id`, `duplicate lesion id "${lesion.id}"`);
    byId.set(lesion.id, lesion);
    if (lesion.kind !== "target") return;
    targets++;
    if (targets > MAX_TARGETS) fail(`lesions[${i}]`, `more than ${MAX_TARGETS} target lesions (RECIST 1.1 §4.2)`);
    const organ = organKey(lesion.organ, lesion.isLymphNode);
    const n = (perOrgan.get(organ) ?? 0) + 1;
    perOrgan.set(organ, n);
    if (n > MAX_TARGETS_PER_ORGAN) {
      fail(`lesions[${i}]`, `more than ${MAX_TARGETS_PER_ORGAN} target lesions in organ "${organ}" (RECIST 1.1 §4.2)`);
    }
  });
  if (!lesions.some((l) => l.kind !== "new")) fail("lesions", "needs at least one target or non-target lesion at baseline");
  return byId;
}

function checkBaseline(input: RecistInput, byId: Map<string, RecistLesion>): void {
  const base = input.timepoints[0]!;
  const field = `timepoints[0]`;
  if (base.newLesions) fail(`${field}.newLesions`, "must be false at baseline");
  for (const lesion of byId.values()) {
    const m = base.measurements[lesion.id];
    const mField = `${field}.measurements.${lesion.id}`;
    if (lesion.kind === "new") {
      if (m) fail(mField, `lesion "${lesion.id}" is new, so it cannot be measured at baseline`);
      continue;
    }
    if (lesion.kind === "non-target") {
      const status = base.nonTarget?.[lesion.id];
      if (status !== undefined && status !== "present") fail(`${field}.nonTarget.${lesion.id}`, `must be "present" at baseline`);
      if (m && lesion.isLymphNode && !m.tooSmallToMeasure && m.shortAxisMm! < NODE_PATHOLOGICAL_SHORT_AXIS_MM) {
        fail(mField, `a node under ${NODE_PATHOLOGICAL_SHORT_AXIS_MM} mm short axis is normal, not a lesion (RECIST 1.1 §3.1.2)`);
      }
      continue;
    }
    if (!m) fail(mField, "every target lesion must be measured at baseline");
    if (m.tooSmallToMeasure) fail(mField, "a target lesion must be measurable at baseline");
    if (lesion.isLymphNode && m.shortAxisMm! < NODE_TARGET_SHORT_AXIS_MM) {
      fail(`${mField}.shortAxisMm`, `a target lymph node needs >= ${NODE_TARGET_SHORT_AXIS_MM} mm short axis at baseline (RECIST 1.1 §3.1.1)`);
    }
    if (!lesion.isLymphNode && m.longAxisMm! < MEASURABLE_LONG_AXIS_MM) {
      fail(`${mField}.longAxisMm`, `a target lesion needs >= ${MEASURABLE_LONG_AXIS_MM} mm longest diameter at baseline (RECIST 1.1 §3.1.1)`);
    }
  }
}

/**
 * Validates untrusted data as a RECIST input. Throws AnalysisError("INVALID_INPUT") naming the
 * field: unknown lesion ids, dates not strictly increasing, negative sizes, targets not measurable
 * at baseline, more than 5 targets or 2 per organ, new lesions measured but `newLesions` false.
 */
export function validateRecistInput(data: unknown): RecistInput {
  const parsed = inputSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    fail(pathText(issue.path), issue.message);
  }
  const input: RecistInput = parsed.data;
  const byId = checkLesions(input.lesions);
  const timepointIds = new Set<string>();
  let previousDay = -Infinity;
  input.timepoints.forEach((tp, i) => {
    const field = `timepoints[${i}]`;
    if (timepointIds.has(tp.id)) fail(`${field}.id`, `duplicate timepoint id "${tp.id}"`);
    timepointIds.add(tp.id);
    const day = isoDateToDay(tp.date);
    if (day === null) fail(`${field}.date`, `"${tp.date}" is not a valid YYYY-MM-DD date`);
    if (day <= previousDay) fail(`${field}.date`, `${tp.date} is not after the previous timepoint; timepoints must be in date order`);
    previousDay = day;
    let newMeasured = false;
    for (const [lesionId, m] of Object.entries(tp.measurements)) {
      const lesion = byId.get(lesionId);
      if (!lesion) fail(`${field}.measurements.${lesionId}`, `unknown lesion id "${lesionId}"`);
      if (!m) continue;
      checkMeasurement(`${field}.measurements.${lesionId}`, lesion, m);
      if (lesion.kind === "new" && (m.tooSmallToMeasure || (m.longAxisMm ?? m.shortAxisMm ?? 0) > 0)) newMeasured = true;
    }
    for (const lesionId of Object.keys(tp.nonTarget ?? {})) {
      const lesion = byId.get(lesionId);
      if (!lesion) fail(`${field}.nonTarget.${lesionId}`, `unknown lesion id "${lesionId}"`);
      if (lesion.kind !== "non-target") fail(`${field}.nonTarget.${lesionId}`, `lesion "${lesionId}" is not a non-target lesion`);
    }
    // At baseline checkBaseline gives the clearer message: a new lesion cannot exist yet.
    if (i > 0 && newMeasured && !tp.newLesions) fail(`${field}.newLesions`, "is false but a new lesion is measured at this timepoint");
  });
  checkBaseline(input, byId);
  return input;
}
