// The court's catalogue overrides, stored in `settings` under key 'activityCatalogue'.
import { and, eq } from 'drizzle-orm';
import { mergeActivityCatalogue, type ActivityCatalogue, type ActivityCatalogueOverrides } from '@zhibu/domain';
import { newId, schema, type DbOrTx } from '@zhibu/db';

export const CATALOGUE_KEY = 'activityCatalogue';

export type StoredCatalogue = { overrides: ActivityCatalogueOverrides; version: number; id: string | null };

export async function findCatalogueOverrides(db: DbOrTx, courtId: string): Promise<StoredCatalogue> {
  const rows = await db
    .select()
    .from(schema.settings)
    .where(and(eq(schema.settings.courtId, courtId), eq(schema.settings.key, CATALOGUE_KEY)));
  const row = rows[0];
  return row ? { overrides: row.value as ActivityCatalogueOverrides, version: row.version, id: row.id } : { overrides: {}, version: 0, id: null };
}

/** The court's effective catalogue: defaults merged with its overrides. */
export async function loadCatalogue(db: DbOrTx, courtId: string): Promise<ActivityCatalogue> {
  return mergeActivityCatalogue((await findCatalogueOverrides(db, courtId)).overrides);
}

export async function saveCatalogueOverrides(db: DbOrTx, courtId: string, overrides: ActivityCatalogueOverrides, current: StoredCatalogue, at: Date): Promise<void> {
  if (current.id) {
    await db.update(schema.settings).set({ value: overrides, version: current.version + 1, updatedAt: at }).where(eq(schema.settings.id, current.id));
  } else {
    await db.insert(schema.settings).values({ id: newId(), courtId, key: CATALOGUE_KEY, value: overrides });
  }
}
