// Tables of the 党建工作提示 (reminders) module.
import { bigint, pgTable, uuid } from 'drizzle-orm/pg-core';

/**
 * Per court, a counter that statement-level triggers (migration 0010's SQL) raise on every write to
 * what the 党建工作提示 overview reads: courts, party_orgs, committee_positions, members, activities
 * and settings — whoever writes (the API, an import, the CLI, a bulk load or a hand-run fix). The
 * overview memoizes each court's result under (court, day, counter) and reads only this row to know
 * whether the memo still holds; with several server processes each keeps its own memo, all checked
 * against the same counter. A session that turns triggers off (session_replication_role = replica,
 * as pg_restore --disable-triggers does) bypasses it: after such a load, restart the servers or raise
 * the counters (update org_life_versions set version = version + 1). No foreign key: the triggers
 * write before the row they describe commits.
 */
export const orgLifeVersions = pgTable('org_life_versions', {
  courtId: uuid('court_id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(1),
});
