// Expands the small subset of Go templating the alert annotations use, exactly as Prometheus
// prints it, so the generated promtool tests can state the annotations they expect. Anything
// outside the subset throws, which keeps annotations inside what both Prometheus and Grafana read.

/**
 * Go prints a double lying exactly halfway between two outputs rounded to the even one, where
 * JavaScript's toExponential/toFixed round it up (14.625 -> "14.62" in Go, "14.63" in JS). True
 * when the double's full digits `exact`, cut after `cut` digits, are such an even tie.
 */
function evenTie(exact: string, cut: number): boolean {
  return exact[cut] === "5" && /^0*$/.test(exact.slice(cut + 1)) && Number(exact[cut - 1] ?? "0") % 2 === 0;
}

/** `p` significant digits of |v| rounded as Go does, and the decimal exponent of the first. */
function significant(v: number, p: number): { digits: string; exponent: number } {
  // 101 digits hold every exactly-halfway double in full.
  const [exact = "", exactExp = "0"] = Math.abs(v).toExponential(100).split("e");
  if (evenTie(exact.replace(".", ""), p)) return { digits: exact.replace(".", "").slice(0, p), exponent: Number(exactExp) };
  const [mantissa = "", exp = "0"] = Math.abs(v).toExponential(p - 1).split("e");
  return { digits: mantissa.replace(".", ""), exponent: Number(exp) };
}

/** Go's `%.4g`. */
function g4(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "+Inf" : "-Inf";
  if (v === 0) return "0";
  const sign = v < 0 ? "-" : "";
  const { digits, exponent } = significant(v, 4);
  if (exponent < -4 || exponent >= 4) {
    const mantissa = `${digits[0]}.${digits.slice(1)}`.replace(/\.?0+$/, "");
    return `${sign}${mantissa}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  return `${sign}${Number(`${digits}e${exponent - 3}`)}`;
}

/** Go's `%.<decimals>f`. */
function fixed(v: number, decimals: number): string {
  const exact = Math.abs(v).toFixed(100);
  const point = exact.indexOf(".");
  if (point < 0) return v.toFixed(decimals);
  const text = evenTie(exact.replace(".", ""), point + decimals)
    ? exact.slice(0, decimals > 0 ? point + 1 + decimals : point)
    : Math.abs(v).toFixed(decimals);
  return `${v < 0 ? "-" : ""}${text}`;
}

export function humanize(v: number): string {
  if (v === 0 || !Number.isFinite(v)) return g4(v);
  let prefix = "";
  if (Math.abs(v) >= 1) {
    for (const p of ["k", "M", "G", "T", "P", "E", "Z", "Y"]) {
      if (Math.abs(v) < 1000) break;
      prefix = p;
      v /= 1000;
    }
  } else {
    for (const p of ["m", "u", "n", "p", "f", "a", "z", "y"]) {
      if (Math.abs(v) >= 1) break;
      prefix = p;
      v *= 1000;
    }
  }
  return `${g4(v)}${prefix}`;
}

export function humanizePercentage(v: number): string {
  return `${g4(v * 100)}%`;
}

export function humanizeDuration(v: number): string {
  if (!Number.isFinite(v)) return g4(v);
  if (v === 0) return `${g4(v)}s`;
  if (Math.abs(v) >= 1) {
    const sign = v < 0 ? "-" : "";
    const whole = Math.trunc(Math.abs(v));
    const seconds = whole % 60;
    const minutes = Math.trunc(whole / 60) % 60;
    const hours = Math.trunc(whole / 3600) % 24;
    const days = Math.trunc(whole / 86_400);
    if (days) return `${sign}${days}d ${hours}h ${minutes}m ${seconds}s`;
    if (hours) return `${sign}${hours}h ${minutes}m ${seconds}s`;
    if (minutes) return `${sign}${minutes}m ${seconds}s`;
    return `${sign}${g4(Math.abs(v))}s`;
  }
  let prefix = "";
  for (const p of ["m", "u", "n", "p", "f", "a", "z", "y"]) {
    if (Math.abs(v) >= 1) break;
    prefix = p;
    v *= 1000;
  }
  return `${g4(v)}${prefix}s`;
}

function formatValue(pipeline: string, value: number | undefined, template: string): string {
  if (value === undefined) throw new Error(`template ${JSON.stringify(template)} uses $value but the test case gives no value`);
  const fn = pipeline.trim();
  if (fn === "humanize") return humanize(value);
  if (fn === "humanizePercentage") return humanizePercentage(value);
  if (fn === "humanizeDuration") return humanizeDuration(value);
  const printf = /^printf "%\.(\d)f"$/.exec(fn);
  if (printf) return fixed(value, Number(printf[1]));
  throw new Error(`template ${JSON.stringify(template)}: unsupported pipeline "| ${fn}" (use humanize, humanizePercentage, humanizeDuration or printf "%.Nf")`);
}

/** Go's `urlquery` (url.QueryEscape): space as `+`, all but letters, digits and `-_.~` as %XX. */
export function urlquery(value: string): string {
  let out = "";
  for (const byte of new TextEncoder().encode(value)) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === " ") out += "+";
    else out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** The text Prometheus renders from `template` for an alert with these labels and value. */
export function expandTemplate(template: string, labels: Readonly<Record<string, string>>, value?: number): string {
  const conditionals = template.replace(
    /\{\{ if \$labels\.(\w+) \}\}(.*?)\{\{ else \}\}(.*?)\{\{ end \}\}/g,
    (_, label: string, then: string, otherwise: string) => (labels[label] ? then : otherwise),
  );
  const expanded = conditionals
    .replace(/\{\{ \$labels\.(\w+) \}\}/g, (_, label: string) => labels[label] ?? "")
    .replace(/\{\{ \$labels\.(\w+) \| urlquery \}\}/g, (_, label: string) => urlquery(labels[label] ?? ""))
    .replace(/\{\{ \$value \| ([^}]+) \}\}/g, (_, pipeline: string) => formatValue(pipeline, value, template));
  if (expanded.includes("{{")) throw new Error(`template ${JSON.stringify(template)} uses templating outside the supported subset`);
  return expanded;
}

/** Grafana names a rule's query result `$values.A.Value` where Prometheus says `$value`. */
export function toGrafanaTemplate(template: string, refId: string): string {
  return template.replace(/\$value\b/g, `$values.${refId}.Value`);
}
