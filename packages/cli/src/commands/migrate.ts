// `zhibu migrate`: applies pending migrations (the server also does this on start).
import { runMigrations } from '@zhibu/db';
import { readConfig } from '@zhibu/server';
import { countAppliedMigrations } from '../lib/backup';
import { describeDatabase, withDatabase } from '../lib/database';

export async function migrateCommand(out: (line: string) => void = (l) => console.log(l)): Promise<number> {
  const config = readConfig();
  return withDatabase(
    config,
    async (handle) => {
      const before = await countAppliedMigrations(handle.db);
      await runMigrations(handle);
      const after = await countAppliedMigrations(handle.db);
      out(
        after === before
          ? `数据库已是最新（${after} 个迁移）：${describeDatabase(config)}`
          : `已执行 ${after - before} 个迁移（共 ${after} 个）：${describeDatabase(config)}`,
      );
      return 0;
    },
    { migrate: false },
  );
}
