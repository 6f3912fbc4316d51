// Value comparison and dirty tracking of the form toolkit (pure).

/** JSON with object keys sorted: two equal values give the same text whatever their key order. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export const sameValue = (a: unknown, b: unknown) => stableStringify(a) === stableStringify(b);

/**
 * True when the form holds something else than what it was loaded with. `compare` gives the
 * comparable value of the whole form (default: the values themselves), e.g. to ignore row keys.
 */
export function isDirty<V>(values: V, base: V, compare: (values: V) => unknown = (v) => v): boolean {
  return !sameValue(compare(values), compare(base));
}

/** The fields among `fields` whose comparable slice differs between `values` and `base`. */
export function changedFields<V>(values: V, base: V, fields: readonly string[], slice: (values: V, field: string) => unknown): string[] {
  return fields.filter((f) => !sameValue(slice(values, f), slice(base, f)));
}
