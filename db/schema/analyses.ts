import { pgTable, uuid, text, timestamp, jsonb, primaryKey } from "drizzle-orm/pg-core";
import { cases } from "./cases";

/** A case-level analysis result (phenotypes, response, liquid trends), replaced when recomputed. */
export const caseAnalyses = pgTable(
  "case_analyses",
  {
    caseId: uuid("case_id").notNull().references(() => cases.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    result: jsonb("result").$type<Record<string, unknown>>().notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.kind] })],
);
