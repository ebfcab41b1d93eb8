import type { Db, DbHandle } from '@zhibu/db';
import type { ServerConfig } from './config';
import type { FieldCrypto } from './lib/field-crypto';

/** What services need, passed explicitly (no container). `now` is injectable for rule tests. */
export type Deps = {
  handle: DbHandle;
  db: Db;
  crypto: FieldCrypto;
  config: ServerConfig;
  now: () => Date;
};
