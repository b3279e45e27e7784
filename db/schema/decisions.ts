import { pgTable, uuid, text, timestamp, integer, jsonb, unique, type AnyPgColumn } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { users } from "./people";

/**
 * Finalized board decisions: immutable, versioned. A change is a new row that amends the
 * previous version; rows are never updated or deleted (repositories expose insert only).
 */
export const decisions = pgTable(
  "decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id, { onDelete: "restrict" }),
    version: integer("version").notNull(),
    amendsId: uuid("amends_id").references((): AnyPgColumn => decisions.id),
    text: text("text").notNull(),
    participants: jsonb("participants").$type<{ id: string; name: string; role: string }[]>().notNull(),
    /** The response, liquid and biopsy data the decision was based on, as shown at the time. */
    basis: jsonb("basis").$type<Record<string, unknown>>().notNull(),
    finalizedBy: uuid("finalized_by").notNull().references(() => users.id),
    finalizedAt: timestamp("finalized_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("decisions_case_version_uq").on(t.caseId, t.version)],
);
