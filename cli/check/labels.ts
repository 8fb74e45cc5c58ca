// Label sets compared: which expected labels are missing, which found ones look like them (so
// the advice can say "rename tool_id to tool"), and which are extra.

export interface LabelDiff {
  readonly renames: readonly (readonly [from: string, to: string])[];
  readonly missing: readonly string[];
  readonly extra: readonly string[];
}

/** `tool_id` and `tool`, `code` and `status_code`: one's words contain the other's. */
function alike(a: string, b: string): boolean {
  const wa = a.split("_").filter(Boolean);
  const wb = b.split("_").filter(Boolean);
  const contains = (x: string[], y: string[]) => y.every((w) => x.includes(w));
  return contains(wa, wb) || contains(wb, wa) || a.replace(/_/g, "") === b.replace(/_/g, "");
}

export function diffLabels(expected: readonly string[], found: readonly string[], optional: readonly string[] = []): LabelDiff {
  // An optional label (set only where it applies) may be absent; when present it is expected.
  const absent = expected.filter((l) => !found.includes(l) && !optional.includes(l));
  const extra = found.filter((l) => !expected.includes(l));
  const renames: [string, string][] = [];
  const missing: string[] = [];
  for (const label of absent) {
    const like = extra.find((e) => alike(e, label) && !renames.some(([from]) => from === e));
    if (like) renames.push([like, label]);
    else missing.push(label);
  }
  return { renames, missing, extra: extra.filter((e) => !renames.some(([from]) => from === e)) };
}

/** Share of labels two sets have in common (0..1), counting look-alikes as half. */
export function labelSimilarity(expected: readonly string[], found: readonly string[], optional: readonly string[] = []): number {
  if (expected.length === 0 && found.length === 0) return 1;
  const diff = diffLabels(expected, found, optional);
  const same = expected.length - diff.renames.length - diff.missing.length;
  return (same + diff.renames.length / 2) / new Set([...expected, ...found]).size;
}

/** The labels of a metric a sample may lack (set only where they apply). */
export function optionalLabels(metric: { readonly labels: readonly { readonly name: string; readonly optional?: boolean }[] }): string[] {
  return metric.labels.filter((l) => l.optional === true).map((l) => l.name);
}
