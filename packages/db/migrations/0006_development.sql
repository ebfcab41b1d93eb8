CREATE TABLE "development_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"last_step" integer NOT NULL,
	"stage" text NOT NULL,
	"application_date" date NOT NULL,
	"next_due_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"done_on" date NOT NULL,
	"approving_org_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text,
	"overrides" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "development_cases" ADD CONSTRAINT "development_cases_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_cases" ADD CONSTRAINT "development_cases_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_cases" ADD CONSTRAINT "development_cases_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_steps" ADD CONSTRAINT "development_steps_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_steps" ADD CONSTRAINT "development_steps_case_id_development_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."development_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_steps" ADD CONSTRAINT "development_steps_approving_org_id_party_orgs_id_fk" FOREIGN KEY ("approving_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "development_cases_member_uq" ON "development_cases" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "development_cases_court_idx" ON "development_cases" USING btree ("court_id","stage");--> statement-breakpoint
CREATE INDEX "development_cases_org_path_idx" ON "development_cases" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "development_steps_case_idx" ON "development_steps" USING btree ("case_id","step");