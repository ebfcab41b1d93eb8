// `zhibu bench`: hands over to bench/ (data generator and benchmarks, on PostgreSQL).
import type { BenchOptions } from '../../../../bench/run';

export type { BenchOptions };

type BenchModule = { runBench: (opts: BenchOptions) => Promise<number> };

export async function benchCommand(opts: BenchOptions): Promise<number> {
  // bench/ lives at the repository root, outside the packages; imported only when asked for.
  const mod = (await import(new URL('../../../../bench/run.ts', import.meta.url).href)) as BenchModule;
  return mod.runBench(opts);
}
