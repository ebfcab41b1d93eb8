// A small seeded PRNG (mulberry32): the demo data and the benchmark data are the same on every
// run, so screenshots, tests and figures can be compared.
import { addDays, countDaysBetween, type IsoDate } from '@zhibu/domain';

export type Random = {
  /** A float in [0, 1). */
  next: () => number;
  /** An integer in [min, max], both included. */
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  /** Picks by weight: [[value, weight], …]. */
  weighted: <T>(items: readonly (readonly [T, number])[]) => T;
  chance: (probability: number) => boolean;
  /** A day in [from, to], both included. */
  date: (from: IsoDate, to: IsoDate) => IsoDate;
};

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => {
      if (!items.length) throw new RangeError('pick from an empty list');
      return items[int(0, items.length - 1)] as (typeof items)[number];
    },
    weighted: (items) => {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, w] of items) {
        roll -= w;
        if (roll < 0) return value;
      }
      return (items[items.length - 1] as (typeof items)[number])[0];
    },
    chance: (probability) => next() < probability,
    date: (from, to) => {
      const span = countDaysBetween(from, to);
      return span <= 0 ? from : addDays(from, int(0, span));
    },
  };
}
