-- A member's court is its org's court: one composite key replaces the two single ones (members →
-- courts, members → party_orgs). The unique constraint it refers to comes first.
ALTER TABLE "party_orgs" ADD CONSTRAINT "party_orgs_id_court_uq" UNIQUE("id","court_id");--> statement-breakpoint
ALTER TABLE "members" DROP CONSTRAINT "members_court_id_courts_id_fk";
--> statement-breakpoint
ALTER TABLE "members" DROP CONSTRAINT "members_org_id_party_orgs_id_fk";
--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_org_court_fk" FOREIGN KEY ("org_id","court_id") REFERENCES "public"."party_orgs"("id","court_id") ON DELETE no action ON UPDATE no action;
