import { describe, expect, it } from 'vitest';
import { movedIndex } from './list-navigation';

describe('movedIndex', () => {
  it('moves by one, stopping at the ends; the first press selects the first row', () => {
    expect(movedIndex(-1, 'ArrowDown', 5, 3)).toBe(0);
    expect(movedIndex(-1, 'ArrowUp', 5, 3)).toBe(0);
    expect(movedIndex(0, 'ArrowDown', 5, 3)).toBe(1);
    expect(movedIndex(4, 'ArrowDown', 5, 3)).toBe(4);
    expect(movedIndex(0, 'ArrowUp', 5, 3)).toBe(0);
  });

  it('pages, and jumps to the ends', () => {
    expect(movedIndex(1, 'PageDown', 10, 4)).toBe(5);
    expect(movedIndex(8, 'PageDown', 10, 4)).toBe(9);
    expect(movedIndex(3, 'PageUp', 10, 4)).toBe(0);
    expect(movedIndex(-1, 'PageDown', 10, 4)).toBe(4);
    expect(movedIndex(5, 'Home', 10, 4)).toBe(0);
    expect(movedIndex(5, 'End', 10, 4)).toBe(9);
  });

  it('clamps a selection beyond a shrunk list and ignores other keys and empty lists', () => {
    expect(movedIndex(50, 'ArrowUp', 5, 3)).toBe(3);
    expect(movedIndex(2, 'a', 5, 3)).toBeNull();
    expect(movedIndex(-1, 'ArrowDown', 0, 3)).toBeNull();
  });
});
