// Narrowing the parsed JSON and YAML of the rendered files, which the tool reads as untyped data.

export type JsonObject = { readonly [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** A value as one line of text: strings as they are, anything else as JSON. */
export function text(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** `value` without the keys listed (a shallow copy). */
export function omit(value: JsonObject, keys: readonly string[]): JsonObject {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
}
