/** JSON with object keys sorted (code-unit order) at every depth, for stable, diffable output. */
export function stableJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  }, indent);
}
