import { pgTable, uuid, text, timestamp, integer, date, pgEnum, unique, index } from "drizzle-orm/pg-core";
import { boards } from "./boards";

/** Pseudonymous: no names, no dates of birth beyond the year. */
export const patients = pgTable("patients", {
  id: uuid("id").primaryKey().defaultRandom(),
  pseudonym: text("pseudonym").notNull().unique(),
  sex: text("sex").notNull(),
  birthYear: integer("birth_year").notNull(),
});

export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id").notNull().references(() => patients.id, { onDelete: "cascade" }),
    boardId: uuid("board_id").notNull().references(() => boards.id, { onDelete: "cascade" }),
    diagnosis: text("diagnosis").notNull(),
    primarySite: text("primary_site").notNull(),
    histology: text("histology").notNull(),
    molecular: text("molecular").notNull().default(""),
    stage: text("stage").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cases_board_idx").on(t.boardId)],
);

export const therapyLines = pgTable(
  "therapy_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id, { onDelete: "cascade" }),
    line: integer("line").notNull(),
    name: text("name").notNull(),
    intent: text("intent").notNull().default(""),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }),
  },
  (t) => [index("therapy_lines_case_idx").on(t.caseId)],
);

export const modalityEnum = pgEnum("modality", ["CT", "MR", "PET"]);

export const timepoints = pgTable(
  "timepoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    modality: modalityEnum("modality").notNull(),
    description: text("description").notNull().default(""),
  },
  (t) => [unique("timepoints_case_date_modality_uq").on(t.caseId, t.date, t.modality)],
);
