/** One difference between two JSON values, at a path like `$.order.items[2].qty`. */
export type JsonChange =
  | { path: string; kind: "added"; after: unknown }
  | { path: string; kind: "removed"; before: unknown }
  | { path: string; kind: "changed"; before: unknown; after: unknown };

/** Converts any channel value (class instances, Dates, undefined) into plain JSON so it can be compared and shown. */
export function toPlainJson(value: unknown): unknown {
  if (value === undefined) return null;
  try {
    return JSON.parse(
      JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
    );
  } catch {
    // Cyclic or otherwise unserializable values are still shown, as their string form.
    return String(value);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function childPath(path: string, key: string): string {
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * The differences between two plain JSON values, deepest first so a change to one field of a large
 * object is reported as that field, not as the whole object. Arrays compare by index.
 */
export function diffJson(before: unknown, after: unknown, path = "$"): JsonChange[] {
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: JsonChange[] = [];
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i++) {
      const at = `${path}[${i}]`;
      if (i >= before.length) changes.push({ path: at, kind: "added", after: after[i] });
      else if (i >= after.length) changes.push({ path: at, kind: "removed", before: before[i] });
      else changes.push(...diffJson(before[i], after[i], at));
    }
    return changes;
  }
  if (isRecord(before) && isRecord(after)) {
    const changes: JsonChange[] = [];
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) {
      const at = childPath(path, key);
      if (!(key in before)) changes.push({ path: at, kind: "added", after: after[key] });
      else if (!(key in after)) changes.push({ path: at, kind: "removed", before: before[key] });
      else changes.push(...diffJson(before[key], after[key], at));
    }
    return changes;
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path, kind: "changed", before, after }];
}
