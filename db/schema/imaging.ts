import { pgTable, uuid, text, timestamp, integer, bigint, jsonb, pgEnum, unique, index } from "drizzle-orm/pg-core";
import { timepoints } from "./cases";

export const volumeKindEnum = pgEnum("volume_kind", ["image", "segmentation", "entropy-map", "habitats"]);

/** A volume file under the data directory, addressed by the SHA-256 of its bytes. */
export const imageVolumes = pgTable(
  "image_volumes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    timepointId: uuid("timepoint_id").notNull().references(() => timepoints.id, { onDelete: "cascade" }),
    kind: volumeKindEnum("kind").notNull(),
    sha256: text("sha256").notNull(),
    byteSize: bigint("byte_size", { mode: "number" }).notNull(),
    fileName: text("file_name").notNull(),
    dims: jsonb("dims").$type<[number, number, number]>().notNull(),
    spacingMm: jsonb("spacing_mm").$type<[number, number, number]>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("image_volumes_timepoint_kind_uq").on(t.timepointId, t.kind), index("image_volumes_sha_idx").on(t.sha256)],
);

export const jobStatusEnum = pgEnum("job_status", ["queued", "running", "succeeded", "failed"]);

/** Analysis of one timepoint's lesions; a PostgreSQL-backed queue other workers can take from. */
export const analysisJobs = pgTable(
  "analysis_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    timepointId: uuid("timepoint_id").notNull().references(() => timepoints.id, { onDelete: "cascade" }),
    status: jobStatusEnum("status").notNull().default("queued"),
    done: integer("done").notNull().default(0),
    total: integer("total").notNull().default(0),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("analysis_jobs_status_idx").on(t.status, t.createdAt), index("analysis_jobs_timepoint_idx").on(t.timepointId)],
);
