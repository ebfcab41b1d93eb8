// Form drafts survive a closed tab or a crashed browser session: they sit in sessionStorage (which
// Chromium restores with the session) until the form is saved or the user discards them.
// sessionStorage, not localStorage: the draft may hold a 身份证号, and must not outlive the session
// on a shared office PC.
import { useCallback, useEffect, useRef, useState } from 'react';

const prefix = 'zhibu:draft:';

export function readDraft<T>(key: string): T | null {
  try {
    const raw = window.sessionStorage.getItem(prefix + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, value: unknown): void {
  try {
    window.sessionStorage.setItem(prefix + key, JSON.stringify({ savedAt: Date.now(), value }));
  } catch {
    /* storage full or disabled: the form still works, only without a draft */
  }
}

export function clearDraft(key: string): void {
  try {
    window.sessionStorage.removeItem(prefix + key);
  } catch {
    /* ignore */
  }
}

/** A draft slot: `initial` is what was stored when the form opened; `save` debounces writes. */
export function useDraft<T>(key: string) {
  const [initial] = useState(() => readDraft<{ savedAt: number; value: T }>(key));
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (pending.current) writeDraft(key, pending.current.value);
    pending.current = null;
  }, [key]);
  const save = useCallback(
    (value: T) => {
      pending.current = { value };
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, 300);
    },
    [flush],
  );
  const clear = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    clearDraft(key);
  }, [key]);
  useEffect(() => {
    // Closing the tab mid-debounce must not lose the last keystrokes.
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);
  return { initial, save, clear };
}
