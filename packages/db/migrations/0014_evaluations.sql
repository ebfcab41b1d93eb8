CREATE TABLE "evaluation_ballots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"voter_participant_id" uuid NOT NULL,
	"cast_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_participants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"court_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"member_name" text NOT NULL,
	"member_status" text NOT NULL,
	"graded" boolean NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"exempt" boolean DEFAULT false NOT NULL,
	"exempt_reason" text,
	"self_assessment" text,
	"self_assessment_source" text,
	"self_assessment_at" timestamp with time zone,
	"paper_votes" jsonb,
	"grade" text,
	"grade_reason" text,
	"committee_comment" text,
	"graded_by_name" text,
	"graded_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_rounds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"year" integer NOT NULL,
	"held_on" date NOT NULL,
	"stage" text DEFAULT 'preparing' NOT NULL,
	"settings" jsonb NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_votes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"target_participant_id" uuid NOT NULL,
	"grade" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_ballots" ADD CONSTRAINT "evaluation_ballots_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_ballots" ADD CONSTRAINT "evaluation_ballots_voter_participant_id_evaluation_participants_id_fk" FOREIGN KEY ("voter_participant_id") REFERENCES "public"."evaluation_participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_participants" ADD CONSTRAINT "evaluation_participants_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_participants" ADD CONSTRAINT "evaluation_participants_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_participants" ADD CONSTRAINT "evaluation_participants_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_votes" ADD CONSTRAINT "evaluation_votes_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_votes" ADD CONSTRAINT "evaluation_votes_target_participant_id_evaluation_participants_id_fk" FOREIGN KEY ("target_participant_id") REFERENCES "public"."evaluation_participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_ballots_round_voter_uq" ON "evaluation_ballots" USING btree ("round_id","voter_participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_participants_round_member_uq" ON "evaluation_participants" USING btree ("round_id","member_id");--> statement-breakpoint
CREATE INDEX "evaluation_participants_member_idx" ON "evaluation_participants" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_rounds_org_year_uq" ON "evaluation_rounds" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "evaluation_rounds_court_year_idx" ON "evaluation_rounds" USING btree ("court_id","year");--> statement-breakpoint
CREATE INDEX "evaluation_votes_round_idx" ON "evaluation_votes" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "evaluation_votes_target_idx" ON "evaluation_votes" USING btree ("target_participant_id");