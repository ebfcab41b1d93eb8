CREATE TABLE "reminder_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"item_key" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"rule" text,
	"due_on" date,
	"sent_by" uuid NOT NULL,
	"sent_by_name" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'sent' NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_by_name" text,
	"acknowledged_at" timestamp with time zone,
	"ack_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reminder_notices" ADD CONSTRAINT "reminder_notices_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_notices" ADD CONSTRAINT "reminder_notices_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reminder_notices_org_idx" ON "reminder_notices" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "reminder_notices_court_sent_idx" ON "reminder_notices" USING btree ("court_id","sent_at");