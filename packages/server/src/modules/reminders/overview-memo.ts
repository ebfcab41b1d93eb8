// Memo of each court's 党建工作提示 overview (issue 3 § Performance: a court's reminders page at
// p95 ≤ 100 ms for 50 concurrent clients). The overview is a function of the court's orgs,
// committees, members, settings and held activities and of the day; every write to those raises the
// court's org_life_versions counter in the same transaction (database triggers, migration 0010), so
// a memo stamped with (day, counter) is exactly as fresh as recomputing. Reading the counter is one
// primary-key lookup per request; a write makes the next request recompute that court only.
import type { OrgReminder } from '@zhibu/contracts';
import type { IsoDate } from '@zhibu/domain';

/** An org's reminder with its JSON text, serialized once per memo entry (a court page is 100–500 KB of JSON). */
export type MemoizedReminder = { readonly reminder: OrgReminder; readonly json: string };

/** A court's overview: each listed org's reminder by org id (orgs the page skips are absent). Shared between responses: never mutate. */
export type CourtOverview = ReadonlyMap<string, MemoizedReminder>;

/** A province has ~100 courts; the bound only keeps a process serving many provinces from growing without limit. */
const MAX_COURTS = 1000;

type Entry = { stamp: string; overview: CourtOverview };

export class OverviewMemo {
  private readonly entries = new Map<string, Entry>();

  static stamp(today: IsoDate, version: number): string {
    return `${today}#${version}`;
  }

  get(courtId: string, stamp: string): CourtOverview | undefined {
    const e = this.entries.get(courtId);
    if (!e || e.stamp !== stamp) return undefined;
    // Least recently used goes first when the bound is reached: re-insert on use.
    this.entries.delete(courtId);
    this.entries.set(courtId, e);
    return e.overview;
  }

  set(courtId: string, stamp: string, overview: CourtOverview): void {
    this.entries.delete(courtId);
    this.entries.set(courtId, { stamp, overview });
    if (this.entries.size > MAX_COURTS) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}

// One memo per database (tests open many), dropped with it.
const memos = new WeakMap<object, OverviewMemo>();

export function overviewMemoOf(db: object): OverviewMemo {
  let memo = memos.get(db);
  if (!memo) memos.set(db, (memo = new OverviewMemo()));
  return memo;
}
