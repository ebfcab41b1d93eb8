CREATE TABLE "member_transfers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"member_name" text NOT NULL,
	"from_org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"to_court_id" uuid,
	"to_org_id" uuid,
	"to_unit_name" text,
	"reason" text NOT NULL,
	"dues_paid_to" text NOT NULL,
	"letter_no" text NOT NULL,
	"letter_year" integer NOT NULL,
	"letter_seq" integer NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"state" text DEFAULT 'inTransit' NOT NULL,
	"sent_by" uuid NOT NULL,
	"sent_by_name" text NOT NULL,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"received_member_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "member_transfers" ADD CONSTRAINT "member_transfers_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_transfers" ADD CONSTRAINT "member_transfers_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_transfers" ADD CONSTRAINT "member_transfers_from_org_id_party_orgs_id_fk" FOREIGN KEY ("from_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_transfers" ADD CONSTRAINT "member_transfers_to_court_id_courts_id_fk" FOREIGN KEY ("to_court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_transfers" ADD CONSTRAINT "member_transfers_to_org_id_party_orgs_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "member_transfers_one_in_transit_uq" ON "member_transfers" USING btree ("member_id") WHERE "member_transfers"."state" = 'inTransit';--> statement-breakpoint
CREATE UNIQUE INDEX "member_transfers_letter_uq" ON "member_transfers" USING btree ("court_id","letter_year","letter_seq");--> statement-breakpoint
CREATE INDEX "member_transfers_court_idx" ON "member_transfers" USING btree ("court_id");--> statement-breakpoint
CREATE INDEX "member_transfers_to_court_idx" ON "member_transfers" USING btree ("to_court_id");