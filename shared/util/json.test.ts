import { describe, expect, it } from 'vitest';
import { stableJson } from './json';

describe('stableJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    const a = stableJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } });
    const b = stableJson({ a: { c: null, d: [3, { y: 2, z: 1 }] }, b: 1 });
    expect(a).toBe(b);
    expect(a).toBe('{\n  "a": {\n    "c": null,\n    "d": [\n      3,\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}');
  });
});
