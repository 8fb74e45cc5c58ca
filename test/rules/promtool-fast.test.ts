// The end-to-end profile: every `for` in seconds and a 2 s evaluation interval. The generated
// tests follow the shorter `for`s, and still prove every alert.
import { describe } from "vitest";
import { defaultSlos } from "../../rules/slo.js";
import { everyFor } from "../../rules/profiles.js";
import { promtoolSuite } from "./promtool-suite.js";

describe("promtool, short `for` profile", () =>
  promtoolSuite({
    thresholds: everyFor("5s"),
    evaluationInterval: "2s",
    slos: defaultSlos.map((s) => ({ ...s, for: { page: "5s", ticket: "5s" } })),
  }));
