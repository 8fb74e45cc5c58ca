// The two ways the tool fails on purpose. A usage error (bad arguments, a revision git does not
// know) exits 2, as the contract says; anything else that goes wrong exits 1.

/** The caller asked for something the tool cannot do: exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** A step the tool ran failed (git, npm run synth, reading the rendered files): exit 1. */
export class StepError extends Error {
  override name = "StepError";
}
