// Memo of each court's 党建工作提示 overview (issue 3 § Performance: a court's reminders page at
// p95 ≤ 100 ms for 50 concurrent clients). The overview is a function of the court's orgs,
// committees, members, settings and held activities and of the day; every write to those raises the
// court's org_life_versions counter in the same transaction (database triggers, migration 0010), so
// an overview computed after reading counter N is at least as fresh as any request that read N.
// Reading the counter is part of the request's one org query; a write makes the next requests
// recompute that court only — once, however many of them arrive together.
import type { OrgReminder } from '@zhibu/contracts';
import type { IsoDate } from '@zhibu/domain';
import { JsonBodyMemo } from '../../lib/memoized-json';

/** An org's reminder with its JSON text, serialized once per memo entry (a court page is 100–500 KB of JSON). */
export type MemoizedReminder = { readonly reminder: OrgReminder; readonly json: string };

/** A court's overview: each listed org's reminder by org id (orgs the page skips are absent). Shared between responses: never mutate. */
export type CourtOverview = ReadonlyMap<string, MemoizedReminder>;

/** Computes the overviews of the given courts; `versions` are their counters read BEFORE reading any data. */
export type ComputeOverviews = (courtIds: string[]) => Promise<{ versions: Map<string, number>; overviews: Map<string, CourtOverview> }>;

/** A province has ~100 courts; the bound only keeps a process serving many provinces from growing without limit. */
const MAX_COURTS = 1000;

type Entry = { today: IsoDate; version: number; overview: CourtOverview };
type Flight = { promise: Promise<Map<string, Entry>> };

export class OverviewMemo {
  private readonly entries = new Map<string, Entry>();
  /** Whole response bodies, by (day, the courts' counters read, the orgs on the page). */
  readonly bodies = new JsonBodyMemo();
  /** At most one computation per court at a time. */
  private readonly flights = new Map<string, Flight>();

  /**
   * Each court's overview at least as fresh as the counter the caller read (`versions`): from the
   * memo, or from the computation already running when it read a counter at least as high, or from a
   * new one. A court whose running computation is older is computed again only after it ends, so a
   * burst of writes and reads costs a court at most one computation running and one waiting.
   */
  async resolve(versions: ReadonlyMap<string, number>, today: IsoDate, compute: ComputeOverviews): Promise<Map<string, CourtOverview>> {
    const out = new Map<string, CourtOverview>();
    let pending = [...versions.keys()];
    while (pending.length) {
      const waits: Promise<unknown>[] = [];
      const start: string[] = [];
      for (const id of pending) {
        const wanted = versions.get(id)!;
        const e = this.entries.get(id);
        if (e && e.today === today && e.version >= wanted) {
          this.touch(id, e);
          out.set(id, e.overview);
          continue;
        }
        const flight = this.flights.get(id);
        if (!flight) start.push(id);
        // The running computation may already be fresh enough (it read its counter after this
        // request did); if not, or if it fails, the next turn of the loop looks again once it ended.
        else waits.push(flight.promise.then((m) => this.take(out, id, m, today, wanted), () => undefined));
      }
      if (start.length) waits.push(this.fly(start, today, compute).then((m) => start.forEach((id) => this.take(out, id, m, today, versions.get(id)!))));
      await Promise.all(waits);
      pending = pending.filter((id) => !out.has(id));
    }
    return out;
  }

  get size(): number {
    return this.entries.size;
  }

  private take(out: Map<string, CourtOverview>, id: string, m: Map<string, Entry>, today: IsoDate, wanted: number) {
    const e = m.get(id);
    if (e && e.today === today && e.version >= wanted) out.set(id, e.overview);
  }

  private fly(courtIds: string[], today: IsoDate, compute: ComputeOverviews): Promise<Map<string, Entry>> {
    const promise = (async () => {
      const { versions, overviews } = await compute(courtIds);
      const done = new Map<string, Entry>();
      for (const id of courtIds) {
        const entry = { today, version: versions.get(id) ?? 0, overview: overviews.get(id)! };
        done.set(id, entry);
        const kept = this.entries.get(id);
        // Never replace a fresher memo (another day's or a higher counter's) with this one.
        if (!kept || kept.today < today || (kept.today === today && kept.version <= entry.version)) this.touch(id, entry);
      }
      return done;
    })();
    const flight = { promise };
    for (const id of courtIds) this.flights.set(id, flight);
    const land = () => courtIds.forEach((id) => this.flights.get(id) === flight && this.flights.delete(id));
    promise.then(land, land);
    return promise;
  }

  /** Least recently used goes first when the bound is reached: re-insert on use. */
  private touch(id: string, e: Entry) {
    this.entries.delete(id);
    this.entries.set(id, e);
    if (this.entries.size > MAX_COURTS) this.entries.delete(this.entries.keys().next().value!);
  }
}

// One memo per database (tests open many), dropped with it.
const memos = new WeakMap<object, OverviewMemo>();

export function overviewMemoOf(db: object): OverviewMemo {
  let memo = memos.get(db);
  if (!memo) memos.set(db, (memo = new OverviewMemo()));
  return memo;
}
