// A bad command line or config: exit code 2, with the message naming the flag and the value.
export class UsageError extends Error {}
