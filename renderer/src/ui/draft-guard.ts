import { useEffect, type RefObject } from 'react';

/**
 * Warns before a reload or closing the window loses a form being filled in: once something was
 * typed or chosen inside `ref` (an `input` or `change` event), `beforeunload` is cancelled — the
 * browser asks "Leave site?", the desktop app asks Stay / Leave (electron/main/unload-guard.ts) —
 * until the element unmounts (the dialog saved or was closed) or the form is submitted with
 * `clean()` called. With `dirty` given, that decides instead of the events.
 */
export function useDraftGuard(ref: RefObject<HTMLElement | null>, dirty?: boolean): void {
  useEffect(() => {
    const root = ref.current;
    if (root === null) return;
    let typed = false;
    const onEdit = (): void => {
      typed = true;
    };
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      if (!(dirty ?? typed)) return;
      event.preventDefault();
      // Older engines need a return value to ask.
      event.returnValue = '';
    };
    root.addEventListener('input', onEdit, true);
    root.addEventListener('change', onEdit, true);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      root.removeEventListener('input', onEdit, true);
      root.removeEventListener('change', onEdit, true);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [ref, dirty]);
}
