/**
 * The row a key moves the selection to in a list of `count` rows (`current` -1: nothing selected),
 * or null when the key does not move it. `page` is the number of rows one screen shows.
 */
export function movedIndex(current: number, key: string, count: number, page: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const from = Math.min(current, last);
  switch (key) {
    case 'ArrowDown':
      return from < 0 ? 0 : Math.min(last, from + 1);
    case 'ArrowUp':
      return from < 0 ? 0 : Math.max(0, from - 1);
    case 'PageDown':
      return Math.min(last, Math.max(0, from) + Math.max(1, page));
    case 'PageUp':
      return Math.max(0, Math.max(0, from) - Math.max(1, page));
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/** Whether a key press in this element should leave single-letter shortcuts ("/") alone. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}
