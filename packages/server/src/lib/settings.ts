// Security settings (安全保密员 edits them) and per-court rule overrides live in `settings`.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { defaultRuleConfig, mergeActivityCatalogue, mergeRuleConfig, type ActivityCatalogue, type ActivityCatalogueOverrides, type RuleConfig } from '@zhibu/domain';
import { newId, schema, type DbOrTx } from '@zhibu/db';
import type { SecuritySettings } from '@zhibu/contracts';

export const defaultSecuritySettings: SecuritySettings = {
  sessionIdleMinutes: defaultRuleConfig.sessionIdleMinutes,
  maxFailures: defaultRuleConfig.lockout.maxFailures,
  lockMinutes: defaultRuleConfig.lockout.lockMinutes,
};

let cache: { at: number; value: SecuritySettings } | null = null;

export async function getSecuritySettings(db: DbOrTx): Promise<SecuritySettings> {
  if (cache && Date.now() - cache.at < 10_000) return cache.value;
  const rows = await db
    .select()
    .from(schema.settings)
    .where(and(isNull(schema.settings.courtId), eq(schema.settings.key, 'security')));
  const value = { ...defaultSecuritySettings, ...((rows[0]?.value as Partial<SecuritySettings>) ?? {}) };
  cache = { at: Date.now(), value };
  return value;
}

export async function saveSecuritySettings(db: DbOrTx, value: SecuritySettings): Promise<void> {
  const existing = await db
    .select()
    .from(schema.settings)
    .where(and(isNull(schema.settings.courtId), eq(schema.settings.key, 'security')));
  if (existing[0]) {
    await db
      .update(schema.settings)
      .set({ value, version: existing[0].version + 1, updatedAt: new Date() })
      .where(eq(schema.settings.id, existing[0].id));
  } else {
    await db.insert(schema.settings).values({ id: newId(), courtId: null, key: 'security', value });
  }
  cache = null;
}

/** The rule configuration for a court: defaults merged with its stored overrides ([U] rules). */
export async function getRuleConfig(db: DbOrTx, courtId: string): Promise<RuleConfig> {
  const rows = await db
    .select()
    .from(schema.settings)
    .where(and(eq(schema.settings.courtId, courtId), eq(schema.settings.key, 'rules')));
  return rows[0] ? mergeRuleConfig(rows[0].value as Partial<RuleConfig>) : defaultRuleConfig;
}

/** A court's stored rule overrides and their version (0 when none are stored yet). */
export async function getCourtRuleOverrides(db: DbOrTx, courtId: string): Promise<{ overrides: Record<string, unknown>; version: number; id: string | null }> {
  const rows = await db
    .select()
    .from(schema.settings)
    .where(and(eq(schema.settings.courtId, courtId), eq(schema.settings.key, 'rules')));
  const row = rows[0];
  return row ? { overrides: row.value as Record<string, unknown>, version: row.version, id: row.id } : { overrides: {}, version: 0, id: null };
}

export async function saveCourtRuleOverrides(db: DbOrTx, courtId: string, overrides: Record<string, unknown>, current: { id: string | null; version: number }): Promise<void> {
  if (current.id) {
    await db.update(schema.settings).set({ value: overrides, version: current.version + 1, updatedAt: new Date() }).where(eq(schema.settings.id, current.id));
  } else {
    await db.insert(schema.settings).values({ id: newId(), courtId, key: 'rules', value: overrides });
  }
}

/**
 * The rule configuration and activity catalogue of many courts in one query (reminders of a whole
 * province): court id → both, defaults where a court stored nothing. Same merge as getRuleConfig and
 * activity-types' loadCatalogue.
 */
export async function getCourtSettings(db: DbOrTx, courtIds: string[]): Promise<Map<string, { config: RuleConfig; catalogue: ActivityCatalogue }>> {
  const rows = courtIds.length
    ? await db
        .select({ courtId: schema.settings.courtId, key: schema.settings.key, value: schema.settings.value })
        .from(schema.settings)
        .where(and(inArray(schema.settings.courtId, courtIds), inArray(schema.settings.key, ['rules', 'activityCatalogue'])))
    : [];
  const out = new Map<string, { config: RuleConfig; catalogue: ActivityCatalogue }>();
  for (const id of courtIds) {
    const rules = rows.find((r) => r.courtId === id && r.key === 'rules');
    const catalogue = rows.find((r) => r.courtId === id && r.key === 'activityCatalogue');
    out.set(id, {
      config: rules ? mergeRuleConfig(rules.value as Partial<RuleConfig>) : defaultRuleConfig,
      catalogue: mergeActivityCatalogue((catalogue?.value as ActivityCatalogueOverrides | undefined) ?? {}),
    });
  }
  return out;
}
