import { pgTable, uuid, text, timestamp, integer, boolean, doublePrecision, jsonb, pgEnum, unique, index } from "drizzle-orm/pg-core";
import { cases, timepoints } from "./cases";

export const recistRoleEnum = pgEnum("recist_role", ["target", "non-target", "new", "non-measurable"]);

/** A lesion tracked across timepoints by its tracking id (DICOM SR TID 1500 idea). */
export const lesions = pgTable(
  "lesions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id, { onDelete: "cascade" }),
    trackingId: text("tracking_id").notNull(),
    /** Label value in the case's segmentations. */
    label: integer("label").notNull(),
    site: text("site").notNull(),
    organ: text("organ").notNull(),
    isLymphNode: boolean("is_lymph_node").notNull().default(false),
    recistRole: recistRoleEnum("recist_role").notNull(),
  },
  (t) => [unique("lesions_case_tracking_uq").on(t.caseId, t.trackingId), unique("lesions_case_label_uq").on(t.caseId, t.label)],
);

export const measurementSourceEnum = pgEnum("measurement_source", ["reported", "analysis", "manual"]);

export const lesionMeasurements = pgTable(
  "lesion_measurements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    lesionId: uuid("lesion_id").notNull().references(() => lesions.id, { onDelete: "cascade" }),
    timepointId: uuid("timepoint_id").notNull().references(() => timepoints.id, { onDelete: "cascade" }),
    /** False when the lesion has disappeared at this timepoint. */
    present: boolean("present").notNull().default(true),
    source: measurementSourceEnum("source").notNull(),
    longAxisMm: doublePrecision("long_axis_mm"),
    shortAxisMm: doublePrecision("short_axis_mm"),
    volumeMl: doublePrecision("volume_ml"),
    meshVolumeMl: doublePrecision("mesh_volume_ml"),
    max3dDiameterMm: doublePrecision("max_3d_diameter_mm"),
    meanIntensity: doublePrecision("mean_intensity"),
    sdIntensity: doublePrecision("sd_intensity"),
    minIntensity: doublePrecision("min_intensity"),
    maxIntensity: doublePrecision("max_intensity"),
    ithScore: doublePrecision("ith_score"),
    tooSmallForTexture: boolean("too_small_for_texture").notNull().default(false),
    /** Axial slice, endpoints and centroid in world mm, habitats with fractions. */
    geometry: jsonb("geometry").$type<Record<string, unknown>>(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("lesion_measurements_lesion_tp_uq").on(t.lesionId, t.timepointId), index("lesion_measurements_tp_idx").on(t.timepointId)],
);

export const featureSets = pgTable(
  "feature_sets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    lesionId: uuid("lesion_id").notNull().references(() => lesions.id, { onDelete: "cascade" }),
    timepointId: uuid("timepoint_id").notNull().references(() => timepoints.id, { onDelete: "cascade" }),
    /** "pyradiomics" or "ibsi" naming. */
    mode: text("mode").notNull(),
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull(),
    features: jsonb("features").$type<Record<string, number>>().notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("feature_sets_lesion_tp_mode_uq").on(t.lesionId, t.timepointId, t.mode)],
);
