// Text for fault messages about values the application handed in. Whatever the value (a Symbol,
// a null-prototype object, a Proxy whose every trap throws, a string of megabytes), describing it
// never throws and stays short, so reporting a problem cannot become a second problem.

const MAX_SHOWN = 80;

function shorten(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}...` : text;
}

/** A short, quoted or typed rendering of any value: `"web_search"`, `12`, `Symbol(x)`, `[object Object]`. */
export function describeValue(value: unknown): string {
  try {
    switch (typeof value) {
      case "string":
        return JSON.stringify(shorten(value));
      case "symbol":
        return shorten(value.toString());
      case "bigint":
        return `${shorten(value.toString())}n`;
      case "function":
        return "a function";
      case "object":
        // Object.prototype.toString reads no user method except a Symbol.toStringTag getter.
        return value === null ? "null" : shorten(Object.prototype.toString.call(value));
      default:
        return String(value);
    }
  } catch {
    return "an unprintable value";
  }
}

/** An error's message when it has a readable one, else the value as `describeValue` shows it. */
export function describeError(error: unknown): string {
  try {
    if (error instanceof Error && typeof error.message === "string") return shorten(error.message);
  } catch {
    // a Proxy or a getter that throws: describe it as a value instead
  }
  return describeValue(error);
}
