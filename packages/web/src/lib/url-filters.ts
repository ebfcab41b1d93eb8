import { useSearchParams } from 'react-router';

export type FilterChanges = Record<string, string | number | undefined>;

/**
 * List filters kept in the URL (so a filtered list can be bookmarked, shared and survives a reload).
 * `update` sets or clears the given keys; any change other than the page itself goes back to page 1.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const update = (changes: FilterChanges) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  return [params, update] as const;
}
