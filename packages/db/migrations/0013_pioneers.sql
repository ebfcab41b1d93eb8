CREATE TABLE "excellence_nominations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"member_name" text NOT NULL,
	"deeds" text NOT NULL,
	"state" text DEFAULT 'nominated' NOT NULL,
	"decision_reason" text,
	"decided_on" date,
	"decided_by" uuid,
	"decided_by_name" text,
	"honor_id" uuid,
	"nominated_by" uuid,
	"nominated_by_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "excellence_rounds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"honor_name" text NOT NULL,
	"honor_level" text DEFAULT 'court' NOT NULL,
	"issuer" text NOT NULL,
	"quota_mode" text NOT NULL,
	"quota" integer NOT NULL,
	"deadline" date NOT NULL,
	"note" text,
	"state" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pioneer_achievements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"designation_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"content" text NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pioneer_designations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"post_name" text,
	"member_id" uuid NOT NULL,
	"mission" text,
	"commitment" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"state" text DEFAULT 'proposed' NOT NULL,
	"revoked_on" date,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"proposed_by" uuid,
	"proposed_by_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pioneer_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"designation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"grade" text NOT NULL,
	"comment" text,
	"reviewed_on" date NOT NULL,
	"reviewed_by" uuid,
	"reviewed_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pioneer_team_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"designation_id" uuid NOT NULL,
	"member_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "excellence_nominations" ADD CONSTRAINT "excellence_nominations_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "excellence_nominations" ADD CONSTRAINT "excellence_nominations_round_id_excellence_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."excellence_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "excellence_nominations" ADD CONSTRAINT "excellence_nominations_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "excellence_nominations" ADD CONSTRAINT "excellence_nominations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "excellence_nominations" ADD CONSTRAINT "excellence_nominations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "excellence_nominations" ADD CONSTRAINT "excellence_nominations_honor_id_honors_id_fk" FOREIGN KEY ("honor_id") REFERENCES "public"."honors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "excellence_nominations" ADD CONSTRAINT "excellence_nominations_nominated_by_users_id_fk" FOREIGN KEY ("nominated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "excellence_rounds" ADD CONSTRAINT "excellence_rounds_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "excellence_rounds" ADD CONSTRAINT "excellence_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pioneer_achievements" ADD CONSTRAINT "pioneer_achievements_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pioneer_achievements" ADD CONSTRAINT "pioneer_achievements_designation_id_pioneer_designations_id_fk" FOREIGN KEY ("designation_id") REFERENCES "public"."pioneer_designations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pioneer_achievements" ADD CONSTRAINT "pioneer_achievements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pioneer_designations" ADD CONSTRAINT "pioneer_designations_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pioneer_designations" ADD CONSTRAINT "pioneer_designations_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pioneer_designations" ADD CONSTRAINT "pioneer_designations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pioneer_designations" ADD CONSTRAINT "pioneer_designations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pioneer_designations" ADD CONSTRAINT "pioneer_designations_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pioneer_reviews" ADD CONSTRAINT "pioneer_reviews_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pioneer_reviews" ADD CONSTRAINT "pioneer_reviews_designation_id_pioneer_designations_id_fk" FOREIGN KEY ("designation_id") REFERENCES "public"."pioneer_designations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pioneer_reviews" ADD CONSTRAINT "pioneer_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pioneer_team_members" ADD CONSTRAINT "pioneer_team_members_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pioneer_team_members" ADD CONSTRAINT "pioneer_team_members_designation_id_pioneer_designations_id_fk" FOREIGN KEY ("designation_id") REFERENCES "public"."pioneer_designations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pioneer_team_members" ADD CONSTRAINT "pioneer_team_members_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "excellence_nominations_round_idx" ON "excellence_nominations" USING btree ("round_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "excellence_nominations_member_uq" ON "excellence_nominations" USING btree ("round_id","member_id") WHERE "excellence_nominations"."state" <> 'withdrawn';--> statement-breakpoint
CREATE UNIQUE INDEX "excellence_rounds_year_uq" ON "excellence_rounds" USING btree ("court_id","year");--> statement-breakpoint
CREATE INDEX "pioneer_achievements_designation_idx" ON "pioneer_achievements" USING btree ("designation_id","occurred_on");--> statement-breakpoint
CREATE INDEX "pioneer_designations_court_idx" ON "pioneer_designations" USING btree ("court_id","kind");--> statement-breakpoint
CREATE INDEX "pioneer_designations_member_idx" ON "pioneer_designations" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pioneer_reviews_year_uq" ON "pioneer_reviews" USING btree ("designation_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "pioneer_team_members_uq" ON "pioneer_team_members" USING btree ("designation_id","member_id");