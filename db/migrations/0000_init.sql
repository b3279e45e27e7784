CREATE TYPE "public"."role" AS ENUM('coordinator', 'radiologist', 'pathologist', 'oncologist', 'surgeon', 'admin');--> statement-breakpoint
CREATE TYPE "public"."agenda_status" AS ENUM('pending', 'discussed', 'decided', 'deferred');--> statement-breakpoint
CREATE TYPE "public"."modality" AS ENUM('CT', 'MR', 'PET');--> statement-breakpoint
CREATE TYPE "public"."job_status" AS ENUM('queued', 'running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TYPE "public"."volume_kind" AS ENUM('image', 'segmentation', 'entropy-map', 'habitats');--> statement-breakpoint
CREATE TYPE "public"."measurement_source" AS ENUM('reported', 'analysis', 'manual');--> statement-breakpoint
CREATE TYPE "public"."recist_role" AS ENUM('target', 'non-target', 'new', 'non-measurable');--> statement-breakpoint
CREATE TYPE "public"."liquid_kind" AS ENUM('variant', 'marker', 'tumor-fraction');--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"question" text NOT NULL,
	"status" "agenda_status" DEFAULT 'pending' NOT NULL,
	CONSTRAINT "agenda_items_position_uq" UNIQUE("meeting_id","position")
);
--> statement-breakpoint
CREATE TABLE "board_members" (
	"board_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "board_members_board_id_user_id_pk" PRIMARY KEY("board_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "boards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"location" text
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	"diagnosis" text NOT NULL,
	"primary_site" text NOT NULL,
	"histology" text NOT NULL,
	"molecular" text DEFAULT '' NOT NULL,
	"stage" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pseudonym" text NOT NULL,
	"sex" text NOT NULL,
	"birth_year" integer NOT NULL,
	CONSTRAINT "patients_pseudonym_unique" UNIQUE("pseudonym")
);
--> statement-breakpoint
CREATE TABLE "therapy_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"name" text NOT NULL,
	"intent" text DEFAULT '' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date
);
--> statement-breakpoint
CREATE TABLE "timepoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"date" date NOT NULL,
	"modality" "modality" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	CONSTRAINT "timepoints_case_date_modality_uq" UNIQUE("case_id","date","modality")
);
--> statement-breakpoint
CREATE TABLE "analysis_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"timepoint_id" uuid NOT NULL,
	"status" "job_status" DEFAULT 'queued' NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "image_volumes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"timepoint_id" uuid NOT NULL,
	"kind" "volume_kind" NOT NULL,
	"sha256" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"file_name" text NOT NULL,
	"dims" jsonb NOT NULL,
	"spacing_mm" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "image_volumes_timepoint_kind_uq" UNIQUE("timepoint_id","kind")
);
--> statement-breakpoint
CREATE TABLE "feature_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lesion_id" uuid NOT NULL,
	"timepoint_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"settings" jsonb NOT NULL,
	"features" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feature_sets_lesion_tp_mode_uq" UNIQUE("lesion_id","timepoint_id","mode")
);
--> statement-breakpoint
CREATE TABLE "lesion_measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lesion_id" uuid NOT NULL,
	"timepoint_id" uuid NOT NULL,
	"present" boolean DEFAULT true NOT NULL,
	"source" "measurement_source" NOT NULL,
	"long_axis_mm" double precision,
	"short_axis_mm" double precision,
	"volume_ml" double precision,
	"mesh_volume_ml" double precision,
	"max_3d_diameter_mm" double precision,
	"mean_intensity" double precision,
	"sd_intensity" double precision,
	"min_intensity" double precision,
	"max_intensity" double precision,
	"ith_score" double precision,
	"too_small_for_texture" boolean DEFAULT false NOT NULL,
	"geometry" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lesion_measurements_lesion_tp_uq" UNIQUE("lesion_id","timepoint_id")
);
--> statement-breakpoint
CREATE TABLE "lesions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"tracking_id" text NOT NULL,
	"label" integer NOT NULL,
	"site" text NOT NULL,
	"organ" text NOT NULL,
	"is_lymph_node" boolean DEFAULT false NOT NULL,
	"recist_role" "recist_role" NOT NULL,
	CONSTRAINT "lesions_case_tracking_uq" UNIQUE("case_id","tracking_id"),
	CONSTRAINT "lesions_case_label_uq" UNIQUE("case_id","label")
);
--> statement-breakpoint
CREATE TABLE "liquid_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_id" uuid NOT NULL,
	"kind" "liquid_kind" NOT NULL,
	"analyte" text NOT NULL,
	"variant" text DEFAULT '' NOT NULL,
	"detected" boolean NOT NULL,
	"value" double precision,
	"unit" text NOT NULL,
	"lod" double precision
);
--> statement-breakpoint
CREATE TABLE "liquid_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"date" date NOT NULL,
	"specimen" text DEFAULT 'plasma' NOT NULL,
	"source" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "liquid_samples_case_date_specimen_uq" UNIQUE("case_id","date","specimen")
);
--> statement-breakpoint
CREATE TABLE "biopsy_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"lesion_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"score" double precision NOT NULL,
	"reasons" jsonb NOT NULL,
	"sentence" text NOT NULL,
	"point_mm" jsonb,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "biopsy_targets_case_rank_uq" UNIQUE("case_id","rank")
);
--> statement-breakpoint
CREATE TABLE "histology_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lesion_id" uuid NOT NULL,
	"sampled_on" date NOT NULL,
	"result" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"amends_id" uuid,
	"text" text NOT NULL,
	"participants" jsonb NOT NULL,
	"basis" jsonb NOT NULL,
	"finalized_by" uuid NOT NULL,
	"finalized_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decisions_case_version_uq" UNIQUE("case_id","version")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"case_id" uuid,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "collab_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"room" text NOT NULL,
	"update" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_analyses" (
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"result" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_analyses_case_id_kind_pk" PRIMARY KEY("case_id","kind")
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_members" ADD CONSTRAINT "board_members_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_members" ADD CONSTRAINT "board_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapy_lines" ADD CONSTRAINT "therapy_lines_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timepoints" ADD CONSTRAINT "timepoints_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_jobs" ADD CONSTRAINT "analysis_jobs_timepoint_id_timepoints_id_fk" FOREIGN KEY ("timepoint_id") REFERENCES "public"."timepoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "image_volumes" ADD CONSTRAINT "image_volumes_timepoint_id_timepoints_id_fk" FOREIGN KEY ("timepoint_id") REFERENCES "public"."timepoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_sets" ADD CONSTRAINT "feature_sets_lesion_id_lesions_id_fk" FOREIGN KEY ("lesion_id") REFERENCES "public"."lesions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_sets" ADD CONSTRAINT "feature_sets_timepoint_id_timepoints_id_fk" FOREIGN KEY ("timepoint_id") REFERENCES "public"."timepoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesion_measurements" ADD CONSTRAINT "lesion_measurements_lesion_id_lesions_id_fk" FOREIGN KEY ("lesion_id") REFERENCES "public"."lesions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesion_measurements" ADD CONSTRAINT "lesion_measurements_timepoint_id_timepoints_id_fk" FOREIGN KEY ("timepoint_id") REFERENCES "public"."timepoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesions" ADD CONSTRAINT "lesions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liquid_results" ADD CONSTRAINT "liquid_results_sample_id_liquid_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."liquid_samples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liquid_samples" ADD CONSTRAINT "liquid_samples_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "biopsy_targets" ADD CONSTRAINT "biopsy_targets_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "biopsy_targets" ADD CONSTRAINT "biopsy_targets_lesion_id_lesions_id_fk" FOREIGN KEY ("lesion_id") REFERENCES "public"."lesions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "histology_results" ADD CONSTRAINT "histology_results_lesion_id_lesions_id_fk" FOREIGN KEY ("lesion_id") REFERENCES "public"."lesions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "histology_results" ADD CONSTRAINT "histology_results_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_amends_id_decisions_id_fk" FOREIGN KEY ("amends_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_finalized_by_users_id_fk" FOREIGN KEY ("finalized_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_analyses" ADD CONSTRAINT "case_analyses_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "agenda_items_case_idx" ON "agenda_items" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "board_members_user_idx" ON "board_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "meetings_board_idx" ON "meetings" USING btree ("board_id","starts_at");--> statement-breakpoint
CREATE INDEX "cases_board_idx" ON "cases" USING btree ("board_id");--> statement-breakpoint
CREATE INDEX "therapy_lines_case_idx" ON "therapy_lines" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "analysis_jobs_status_idx" ON "analysis_jobs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "analysis_jobs_timepoint_idx" ON "analysis_jobs" USING btree ("timepoint_id");--> statement-breakpoint
CREATE INDEX "image_volumes_sha_idx" ON "image_volumes" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "lesion_measurements_tp_idx" ON "lesion_measurements" USING btree ("timepoint_id");--> statement-breakpoint
CREATE INDEX "liquid_results_sample_idx" ON "liquid_results" USING btree ("sample_id");--> statement-breakpoint
CREATE INDEX "histology_results_lesion_idx" ON "histology_results" USING btree ("lesion_id");--> statement-breakpoint
CREATE INDEX "audit_events_case_idx" ON "audit_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_user_idx" ON "audit_events" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "collab_updates_room_idx" ON "collab_updates" USING btree ("room","id");