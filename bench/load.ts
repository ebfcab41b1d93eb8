// A bounded closed-loop load generator: N clients, each issuing its next request when the last one
// answered, for a fixed time after a warm-up. Latencies in milliseconds.
export type LoadRun = { latencies: number[]; errors: number; seconds: number; firstError?: string };

export type LoadResult = {
  requests: number;
  errors: number;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  firstError?: string;
};

export async function runLoad(
  call: (client: number, iteration: number) => Promise<void>,
  opts: { concurrency: number; durationMs: number; warmupMs: number },
): Promise<LoadRun> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const warmupEnd = performance.now() + opts.warmupMs;
  const end = warmupEnd + opts.durationMs;
  let lastDone = warmupEnd;
  const client = async (id: number) => {
    for (let i = 0; ; i++) {
      const t0 = performance.now();
      if (t0 >= end) return;
      try {
        await call(id, i);
        const t1 = performance.now();
        if (t0 >= warmupEnd) {
          latencies.push(t1 - t0);
          lastDone = Math.max(lastDone, t1);
        }
      } catch (err) {
        if (t0 >= warmupEnd) errors++;
        firstError ??= (err as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, (_, i) => client(i)));
  return { latencies, errors, seconds: Math.max(1e-3, (lastDone - warmupEnd) / 1000), ...(firstError ? { firstError } : {}) };
}

/** Several runs of one thing (e.g. interleaved with another, so that drift in load hits both alike) as one figure. */
export function summarizeLoad(runs: LoadRun[]): LoadResult {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = runs.reduce((s, r) => s + r.seconds, 0);
  const at = (q: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! : NaN);
  const firstError = runs.find((r) => r.firstError)?.firstError;
  return {
    requests: latencies.length,
    errors: runs.reduce((s, r) => s + r.errors, 0),
    seconds,
    throughput: latencies.length / seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: latencies.at(-1) ?? NaN,
    ...(firstError ? { firstError } : {}),
  };
}
