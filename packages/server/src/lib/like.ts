/** Text searched with `ILIKE`: the user's % and _ are taken literally. */
export function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}
