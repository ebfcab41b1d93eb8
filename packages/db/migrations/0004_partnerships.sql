CREATE TABLE "activity_rooms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"floor" text,
	"area_sqm" integer,
	"capacity" integer,
	"devices" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"notes" text,
	"display_token_hash" text,
	"display_token_created_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "material_shares" (
	"id" uuid PRIMARY KEY NOT NULL,
	"material_id" uuid NOT NULL,
	"court_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "room_bookings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"activity_id" uuid,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'booked' NOT NULL,
	"cancel_reason" text,
	"booked_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shared_materials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"url" text,
	"file_id" uuid,
	"description" text,
	"state" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_points" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"month" text NOT NULL,
	"items" jsonb NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "joint_activities" (
	"activity_id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"category" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "joint_activity_orgs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"activity_id" uuid NOT NULL,
	"court_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnerships" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"partner_kind" text NOT NULL,
	"partner_court_id" uuid,
	"partner_org_id" uuid,
	"partner_org_path" text,
	"partner_unit_name" text,
	"partner_unit_type" text,
	"title" text NOT NULL,
	"goals" text NOT NULL,
	"categories" jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"contact" text,
	"partner_contact" text,
	"status" text NOT NULL,
	"proposed_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"ended_on" date,
	"end_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity_rooms" ADD CONSTRAINT "activity_rooms_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_rooms" ADD CONSTRAINT "activity_rooms_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_shares" ADD CONSTRAINT "material_shares_material_id_shared_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."shared_materials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_shares" ADD CONSTRAINT "material_shares_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_shares" ADD CONSTRAINT "material_shares_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_bookings" ADD CONSTRAINT "room_bookings_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_bookings" ADD CONSTRAINT "room_bookings_room_id_activity_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."activity_rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_bookings" ADD CONSTRAINT "room_bookings_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_bookings" ADD CONSTRAINT "room_bookings_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_materials" ADD CONSTRAINT "shared_materials_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_materials" ADD CONSTRAINT "shared_materials_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_materials" ADD CONSTRAINT "shared_materials_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_points" ADD CONSTRAINT "study_points_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_activities" ADD CONSTRAINT "joint_activities_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_activities" ADD CONSTRAINT "joint_activities_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_activities" ADD CONSTRAINT "joint_activities_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_activity_orgs" ADD CONSTRAINT "joint_activity_orgs_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_activity_orgs" ADD CONSTRAINT "joint_activity_orgs_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_activity_orgs" ADD CONSTRAINT "joint_activity_orgs_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_partner_court_id_courts_id_fk" FOREIGN KEY ("partner_court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_partner_org_id_party_orgs_id_fk" FOREIGN KEY ("partner_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_rooms_court_name_uq" ON "activity_rooms" USING btree ("court_id","name");--> statement-breakpoint
CREATE INDEX "activity_rooms_org_idx" ON "activity_rooms" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_rooms_display_token_uq" ON "activity_rooms" USING btree ("display_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "material_shares_material_org_uq" ON "material_shares" USING btree ("material_id","org_id");--> statement-breakpoint
CREATE INDEX "material_shares_org_idx" ON "material_shares" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "room_bookings_room_start_idx" ON "room_bookings" USING btree ("room_id","starts_at");--> statement-breakpoint
CREATE INDEX "room_bookings_court_start_idx" ON "room_bookings" USING btree ("court_id","starts_at");--> statement-breakpoint
CREATE INDEX "room_bookings_activity_idx" ON "room_bookings" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "shared_materials_court_idx" ON "shared_materials" USING btree ("court_id");--> statement-breakpoint
CREATE INDEX "shared_materials_org_idx" ON "shared_materials" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "study_points_court_month_uq" ON "study_points" USING btree ("court_id","month");--> statement-breakpoint
CREATE INDEX "joint_activities_partnership_idx" ON "joint_activities" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "joint_activities_court_idx" ON "joint_activities" USING btree ("court_id");--> statement-breakpoint
CREATE INDEX "joint_activity_orgs_activity_idx" ON "joint_activity_orgs" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "joint_activity_orgs_path_idx" ON "joint_activity_orgs" USING btree ("court_id","org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "partnerships_court_idx" ON "partnerships" USING btree ("court_id");--> statement-breakpoint
CREATE INDEX "partnerships_partner_court_idx" ON "partnerships" USING btree ("partner_court_id");--> statement-breakpoint
CREATE INDEX "partnerships_org_idx" ON "partnerships" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "partnerships_partner_org_idx" ON "partnerships" USING btree ("partner_org_id");