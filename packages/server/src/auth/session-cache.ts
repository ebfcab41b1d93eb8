// A few seconds' memory of who a session token belongs to, so that a page's burst of reads does not
// ask PostgreSQL the same question (session + user + role grants) on every request. ADR 0007.
//
// What keeps it honest:
// - only reads use it: a write (POST/PUT/PATCH/DELETE) always loads its caller from the database;
// - a write in this process forgets everything once its response has gone (its transaction has
//   committed by then), and a lookup that began before that write is not kept (generation check);
// - an entry is kept at most `ttlMs`: another process's change (a second server instance, the CLI)
//   is seen within that time;
// - the idle timeout is still judged on every request against the session's last-seen time.
import type { Actor } from '../policy/actor';

type Entry = { actor: Actor; lastSeenAt: Date; tokenHash: string; loadedAt: number };

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** The cached session for a token hash, if loaded less than ttl ago (by the app's clock). */
  get(tokenHash: string, nowMs: number): Entry | undefined {
    const e = this.entries.get(tokenHash);
    if (!e) return undefined;
    if (nowMs - e.loadedAt >= this.ttlMs || nowMs < e.loadedAt) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return e;
  }

  /** Taken before a database lookup; `set` keeps the result only if no write finished since. */
  begin(): number {
    return this.generation;
  }

  set(generation: number, entry: Entry): void {
    if (this.ttlMs <= 0 || generation !== this.generation) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(entry.tokenHash, entry);
  }

  /** A write has committed (or a session was ended): everything cached may be out of date. */
  invalidateAll(): void {
    this.generation++;
    this.entries.clear();
  }
}
