CREATE TABLE "org_life_versions" (
	"court_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
-- Raise a court's org_life_versions counter once per statement that writes what the 党建工作提示
-- overview reads (see schema-reminders.ts). Statement-level with transition tables, so a bulk
-- insert of 100,000 rows costs one upsert per court, not one per row; courts in id order so two
-- statements touching the same courts lock their counters in the same order.
CREATE FUNCTION org_life_bump_rows() RETURNS trigger AS $$
BEGIN
  INSERT INTO org_life_versions AS v (court_id, version)
    SELECT DISTINCT court_id, 1 FROM changed_rows WHERE court_id IS NOT NULL ORDER BY court_id
  ON CONFLICT (court_id) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- An UPDATE may move a row to another court (组织关系转接 across courts): both courts change.
CREATE FUNCTION org_life_bump_updated_rows() RETURNS trigger AS $$
BEGIN
  INSERT INTO org_life_versions AS v (court_id, version)
    SELECT court_id, 1 FROM (SELECT court_id FROM changed_rows UNION SELECT court_id FROM old_rows) c
     WHERE court_id IS NOT NULL ORDER BY court_id
  ON CONFLICT (court_id) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- courts: its own id is the court (a renamed court shows its new name on the overview).
CREATE FUNCTION org_life_bump_courts() RETURNS trigger AS $$
BEGIN
  INSERT INTO org_life_versions AS v (court_id, version)
    SELECT id, 1 FROM changed_rows ORDER BY id
  ON CONFLICT (court_id) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER org_life_courts_update AFTER UPDATE ON courts REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION org_life_bump_courts();
--> statement-breakpoint
CREATE TRIGGER org_life_party_orgs_insert AFTER INSERT ON party_orgs REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION org_life_bump_rows();
--> statement-breakpoint
CREATE TRIGGER org_life_party_orgs_update AFTER UPDATE ON party_orgs REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION org_life_bump_updated_rows();
--> statement-breakpoint
CREATE TRIGGER org_life_party_orgs_delete AFTER DELETE ON party_orgs REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION org_life_bump_rows();
--> statement-breakpoint
CREATE TRIGGER org_life_committee_positions_insert AFTER INSERT ON committee_positions REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION org_life_bump_rows();
--> statement-breakpoint
CREATE TRIGGER org_life_committee_positions_update AFTER UPDATE ON committee_positions REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION org_life_bump_updated_rows();
--> statement-breakpoint
CREATE TRIGGER org_life_committee_positions_delete AFTER DELETE ON committee_positions REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION org_life_bump_rows();
--> statement-breakpoint
CREATE TRIGGER org_life_members_insert AFTER INSERT ON members REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION org_life_bump_rows();
--> statement-breakpoint
CREATE TRIGGER org_life_members_update AFTER UPDATE ON members REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION org_life_bump_updated_rows();
--> statement-breakpoint
CREATE TRIGGER org_life_members_delete AFTER DELETE ON members REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION org_life_bump_rows();
--> statement-breakpoint
CREATE TRIGGER org_life_activities_insert AFTER INSERT ON activities REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION org_life_bump_rows();
--> statement-breakpoint
CREATE TRIGGER org_life_activities_update AFTER UPDATE ON activities REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION org_life_bump_updated_rows();
--> statement-breakpoint
CREATE TRIGGER org_life_activities_delete AFTER DELETE ON activities REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION org_life_bump_rows();
--> statement-breakpoint
CREATE TRIGGER org_life_settings_insert AFTER INSERT ON settings REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION org_life_bump_rows();
--> statement-breakpoint
CREATE TRIGGER org_life_settings_update AFTER UPDATE ON settings REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION org_life_bump_updated_rows();
--> statement-breakpoint
CREATE TRIGGER org_life_settings_delete AFTER DELETE ON settings REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION org_life_bump_rows();
