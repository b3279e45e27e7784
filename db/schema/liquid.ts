import { pgTable, uuid, text, timestamp, date, boolean, doublePrecision, pgEnum, index, unique } from "drizzle-orm/pg-core";
import { cases } from "./cases";

export const liquidSamples = pgTable(
  "liquid_samples",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    specimen: text("specimen").notNull().default("plasma"),
    /** Where the results came from: "csv", "fhir", "demo". */
    source: text("source").notNull(),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("liquid_samples_case_date_specimen_uq").on(t.caseId, t.date, t.specimen)],
);

export const liquidKindEnum = pgEnum("liquid_kind", ["variant", "marker", "tumor-fraction"]);

export const liquidResults = pgTable(
  "liquid_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sampleId: uuid("sample_id").notNull().references(() => liquidSamples.id, { onDelete: "cascade" }),
    kind: liquidKindEnum("kind").notNull(),
    /** Gene for variants, marker name for markers (e.g. "CEA"). */
    analyte: text("analyte").notNull(),
    /** Protein or DNA change for variants; empty for markers. */
    variant: text("variant").notNull().default(""),
    detected: boolean("detected").notNull(),
    /** VAF % for variants; the unit column otherwise. Null when not detected. */
    value: doublePrecision("value"),
    unit: text("unit").notNull(),
    lod: doublePrecision("lod"),
  },
  (t) => [index("liquid_results_sample_idx").on(t.sampleId)],
);
