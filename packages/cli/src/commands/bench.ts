// `zhibu bench`: hands over to bench/ (data generator and benchmarks, on PostgreSQL).
export type BenchOptions = {
  courts?: number;
  members?: number;
  orgs?: number;
  rows?: number;
  duration?: number;
  concurrency?: number;
  skipList?: boolean;
  skipImport?: boolean;
  write?: boolean;
};

type BenchModule = { runBench: (opts: BenchOptions) => Promise<number> };

export async function benchCommand(opts: BenchOptions): Promise<number> {
  // bench/ lives at the repository root, outside the packages; imported only when asked for.
  const mod = (await import(new URL('../../../../bench/run.ts', import.meta.url).href)) as BenchModule;
  return mod.runBench(opts);
}
