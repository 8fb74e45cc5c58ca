// The command line of `npm run diff`: one revision, optionally --json; anything else is a usage error.
import { describe, expect, it } from "vitest";
import { parseCommand } from "../../tools/review-diff/args.js";
import { UsageError } from "../../tools/review-diff/errors.js";

describe("review-diff: arguments", () => {
  it("takes one revision and --json", () => {
    expect(parseCommand(["HEAD~1"])).toEqual({ help: false, rev: "HEAD~1", json: false });
    expect(parseCommand(["--json", "main"])).toEqual({ help: false, rev: "main", json: true });
    expect(parseCommand(["-h"])).toEqual({ help: true });
  });

  it.each([
    [[], "missing the git revision"],
    [["HEAD", "main"], 'one revision only; also got "main"'],
    [["HEAD", "--yaml"], "--yaml"],
    [[""], "the revision is empty"],
  ])("refuses %j", (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });
});
