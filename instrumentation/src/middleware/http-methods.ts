// The HTTP method label takes the standard methods as they are and folds everything else
// (WebDAV verbs, custom verbs) into OTHER, so the label stays a short closed list.

export const OTHER_METHOD = "OTHER";

const KNOWN_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"]);

export function methodLabel(method: string | undefined): string {
  return method !== undefined && KNOWN_METHODS.has(method) ? method : OTHER_METHOD;
}
