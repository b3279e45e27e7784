import { pgTable, uuid, text, timestamp, integer, doublePrecision, jsonb, date, index, unique } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { lesions } from "./lesions";
import { users } from "./people";

/** A ranked, explained suggestion; recomputed (replaced) when its inputs change. */
export const biopsyTargets = pgTable(
  "biopsy_targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id, { onDelete: "cascade" }),
    lesionId: uuid("lesion_id").notNull().references(() => lesions.id, { onDelete: "cascade" }),
    rank: integer("rank").notNull(),
    score: doublePrecision("score").notNull(),
    reasons: jsonb("reasons").$type<{ component: string; value: number | string; weight: number; contribution: number }[]>().notNull(),
    sentence: text("sentence").notNull(),
    pointMm: jsonb("point_mm").$type<[number, number, number] | null>(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("biopsy_targets_case_rank_uq").on(t.caseId, t.rank)],
);

export const histologyResults = pgTable(
  "histology_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    lesionId: uuid("lesion_id").notNull().references(() => lesions.id, { onDelete: "cascade" }),
    sampledOn: date("sampled_on", { mode: "string" }).notNull(),
    result: text("result").notNull(),
    recordedBy: uuid("recorded_by").notNull().references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("histology_results_lesion_idx").on(t.lesionId)],
);
