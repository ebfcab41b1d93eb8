import { AppError } from '../errors';

/** A record the caller may not see answers like one that does not exist: no probing by id. */
export function found<T>(row: T | undefined | null): T {
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Optimistic locking: a stale write is refused, never silently applied. */
export function assertVersion(current: number, given: number): void {
  if (current !== given) throw new AppError('VERSION_CONFLICT');
}

export function forbidIf(cond: boolean): void {
  if (cond) throw new AppError('FORBIDDEN');
}

/** The fields whose values changed, for audit before/after. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of Object.keys(after)) {
    if (after[k] !== undefined && JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}
