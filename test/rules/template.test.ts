// The annotation expectations rely on these matching Prometheus's template functions; promtool
// checks them end to end, these pin the formatting corners (Go's %.4g).
import { describe, expect, it } from "vitest";
import { expandTemplate, humanize, humanizeDuration, humanizePercentage } from "../../rules/template.js";

describe("Prometheus template functions", () => {
  it("humanize with SI prefixes and four significant digits", () => {
    expect(humanize(0)).toBe("0");
    expect(humanize(11)).toBe("11");
    expect(humanize(7_500_000)).toBe("7.5M");
    expect(humanize(1234567)).toBe("1.235M");
    expect(humanize(0.25)).toBe("250m");
  });

  it("humanizePercentage and humanizeDuration as Go prints them", () => {
    expect(humanizePercentage(0.1)).toBe("10%");
    expect(humanizePercentage(0.19999999999999996)).toBe("20%");
    expect(humanizePercentage(0.0000123)).toBe("0.00123%");
    expect(humanizePercentage(0.00000123)).toBe("0.000123%");
    expect(humanizePercentage(1e-7)).toBe("1e-05%");
    expect(humanizeDuration(75)).toBe("1m 15s");
    expect(humanizeDuration(1.75)).toBe("1.75s");
    expect(humanizeDuration(90061)).toBe("1d 1h 1m 1s");
    expect(humanizeDuration(0.5)).toBe("500ms");
  });

  it("round a value exactly halfway to the even digit, as Go does (JavaScript rounds it up)", () => {
    // 14.625 and 0.125 are exact doubles: Go prints 14.62 and 0.12; 14.375 and 0.375 round up to an even 8.
    expect(humanize(14_625_000)).toBe("14.62M");
    expect(humanize(14_375_000)).toBe("14.38M");
    expect(humanize(-14.625)).toBe("-14.62");
    expect(expandTemplate('{{ $value | printf "%.2f" }}', {}, 0.125)).toBe("0.12");
    expect(expandTemplate('{{ $value | printf "%.2f" }}', {}, 0.375)).toBe("0.38");
    expect(expandTemplate('{{ $value | printf "%.0f" }}', {}, 2.5)).toBe("2");
    // Not a tie: 1.005 is stored just below it, 99.995 just above.
    expect(expandTemplate('{{ $value | printf "%.2f" }}', {}, 1.005)).toBe("1.00");
    expect(humanize(99_995)).toBe("100k");
  });

  it("expands labels, values and label conditionals, and refuses anything else", () => {
    const t = 'x {{ $labels.tool }} {{ $value | printf "%.2f" }}{{ if $labels.tool }} one{{ else }} all{{ end }}';
    expect(expandTemplate(t, { tool: "grep" }, 0.5)).toBe("x grep 0.50 one");
    expect(expandTemplate(t, {}, 2)).toBe("x  2.00 all");
    expect(() => expandTemplate("{{ $value }}", {}, 1)).toThrow(/outside the supported subset/);
    expect(() => expandTemplate("{{ $value | title }}", {}, 1)).toThrow(/unsupported pipeline/);
  });
});
