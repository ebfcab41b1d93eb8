// The one property every write route must keep under bad input (DESIGN.md § Quality bars): a 4xx
// with a code and a Chinese message — never a 500 — and a refused request leaves the listed tables
// exactly as they were. Each fuzz file brings its own routes and value generators.
import fc from 'fast-check';
import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestApp } from './test-app';

export async function countRows(t: TestApp, tables: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables) {
    const rows = (await t.deps.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] };
    out[table] = rows.rows[0]!.n;
  }
  return out;
}

export type FuzzedRoute = { who: string; method: string; url: () => string; keys: readonly string[] };

/** Payloads: objects over the route's own fields (plus an unknown one) with tricky values, or any JSON. */
export async function assertRejectsBadInputCleanly(
  t: TestApp,
  route: FuzzedRoute,
  values: fc.Arbitrary<unknown>,
  tables: readonly string[],
  numRuns = 30,
): Promise<void> {
  const payloads = fc.oneof(
    fc.dictionary(fc.constantFrom(...route.keys, 'unexpected'), values, { maxKeys: route.keys.length + 1 }),
    fc.jsonValue({ maxDepth: 2 }),
  );
  await fc.assert(
    fc.asyncProperty(payloads, async (payload) => {
      const cookie = await t.cookieOf(route.who); // logging in is audited: before counting
      const before = await countRows(t, tables);
      const res = await t.app.inject({
        method: route.method as never,
        url: route.url(),
        headers: { cookie, 'content-type': 'application/json' },
        payload: JSON.stringify(payload),
      });
      expect(res.statusCode, res.body).toBeLessThan(500);
      if (res.statusCode >= 400) {
        const body = res.json();
        expect(typeof body.code).toBe('string');
        expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
        expect(await countRows(t, tables)).toEqual(before);
      }
    }),
    { numRuns },
  );
}
