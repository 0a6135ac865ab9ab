/**
 * Positional parameters for SQL assembled from optional parts (filters, search): `bind(value)` adds
 * the value and returns its placeholder, `values` is what the query takes.
 */
export function sqlParameters() {
  const values: unknown[] = [];
  const bind = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  return { values, bind };
}

/** A text matched literally inside a LIKE/ILIKE pattern (its `\`, `%` and `_` escaped). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
