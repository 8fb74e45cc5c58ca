// Everything the diff does not look at by name is still compared, structurally: objects key by
// key, arrays of objects by a natural id where they have one (a query's refId, a variable's
// name), so inserting one element does not make every later one look changed. A part present on
// one side only is one change, with its whole value.
import { isObject, type JsonObject, text } from "./json.js";
import type { FieldChange } from "./report.js";

const naturalKeys = ["refId", "name", "uid", "title"] as const;

/** The paths (`options.legend.placement`, `targets[A].legendFormat`) where `before` and `after` differ. */
export function valueChanges(before: unknown, after: unknown, path = ""): FieldChange[] {
  if (before === undefined || after === undefined) {
    return before === after ? [] : [change(path, before === undefined ? undefined : text(before), after === undefined ? undefined : text(after))];
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => valueChanges(before[key], after[key], path ? `${path}.${key}` : key));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.every(isObject) && after.every(isObject) && before.length + after.length > 0) {
    const key = naturalKeys.find((k) => isKey(before, k) && isKey(after, k));
    const index = (items: JsonObject[]) => new Map(items.map((item, i) => [key ? String(item[key]) : String(i), item]));
    const [a, b] = [index(before), index(after)];
    return [...new Set([...a.keys(), ...b.keys()])].flatMap((id) => valueChanges(a.get(id), b.get(id), `${path}[${id}]`));
  }
  const [old, now] = [text(before), text(after)];
  return old === now ? [] : [change(path, old, now)];
}

/** Whether every item has a distinct string `key`. */
function isKey(items: readonly JsonObject[], key: string): boolean {
  return items.every((item) => typeof item[key] === "string") && new Set(items.map((item) => item[key])).size === items.length;
}

/** A FieldChange with only the sides that exist. */
export function change(field: string, old: string | undefined, now: string | undefined): FieldChange {
  return { field, ...(old === undefined ? {} : { old }), ...(now === undefined ? {} : { new: now }) };
}

/** A named value on both sides: `[field, old, new]`. */
export type Compared = readonly [field: string, old: string | undefined, now: string | undefined];

/** The named values that differ, in the order given. */
export function differing(values: readonly Compared[]): FieldChange[] {
  return values.filter(([, old, now]) => old !== now).map(([field, old, now]) => change(field, old, now));
}

/** Something added, told by its named values (those it has). */
export function described(values: readonly (readonly [field: string, value: string | undefined])[]): FieldChange[] {
  return differing(values.map(([field, value]): Compared => [field, undefined, value]));
}
