import { openDatabase, runMigrations, type DbHandle } from '@zhibu/db';
import type { ServerConfig } from './config';
import type { Deps } from './deps';
import { createFieldCrypto, loadMasterKey } from './lib/field-crypto';

/** Opens the database named by the config, applies migrations, and loads the field key. */
export async function createDeps(config: ServerConfig, opts: { handle?: DbHandle; now?: () => Date } = {}): Promise<Deps> {
  const handle = opts.handle ?? (await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir }));
  await runMigrations(handle);
  const crypto = createFieldCrypto(loadMasterKey({ secretKey: config.secretKey, secretKeyFile: config.secretKeyFile }));
  return { handle, db: handle.db, crypto, config, now: opts.now ?? (() => new Date()) };
}
