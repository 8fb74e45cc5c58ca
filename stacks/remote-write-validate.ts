// Refuses a bad `prometheus.remoteWrite` or `prometheus.longTermStore` before anything is
// rendered: a URL that is not http(s) or carries a credential (refused without echoing it: a
// password would otherwise be written in the clear into prometheus.yml and cdk.tf.json), two
// auth methods on one receiver, a queue setting that is not a positive whole number or duration.
import { durationSeconds } from "../contract/duration.js";
import { checkText, fail, isObject, knownKeys } from "../contract/fail.js";
import { credentialIn, redact } from "../rules/credentials.js";

const HTTP_URL = /^https?:\/\/[^\s/@]+(\/\S*)?$/;
/** Plain characters only; the stack resolves it relative to prometheus.yml's directory. */
const FILE_PATH = /^[A-Za-z0-9._/-]+$/;

export const remoteWriteKeys = {
  entry: ["url", "name", "basicAuth", "bearerTokenFile", "queue"],
  basicAuth: ["username", "passwordFile"],
  queue: ["capacity", "maxShards", "maxSamplesPerSend", "batchSendDeadline"],
  longTermStore: ["queryUrl"],
} as const;

/** An http(s) URL without a credential in it; `instead` says where the secret goes. */
export function checkUrlWithoutCredentials(field: string, value: unknown, instead: string): string {
  const credential = typeof value === "string" ? credentialIn(value) : undefined;
  if (credential !== undefined) {
    fail(field, redact(value as string), `carries a credential (${credential}), which would be written in the clear into the config and cdk.tf.json: ${instead}`);
  }
  return checkText(field, value, HTTP_URL, "an http(s) URL without credentials in it");
}

function positiveWhole(field: string, value: unknown): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) fail(field, value, "must be a whole number, at least 1");
}

function file(field: string, value: unknown): void {
  checkText(field, value, FILE_PATH, "a file path (letters, digits, '.', '_', '-', '/'), e.g. secrets/mimir-password");
}

function validateQueue(at: string, queue: unknown): void {
  knownKeys(at, queue, remoteWriteKeys.queue);
  if (!isObject(queue)) return;
  for (const key of ["capacity", "maxShards", "maxSamplesPerSend"] as const) if (queue[key] !== undefined) positiveWhole(`${at}.${key}`, queue[key]);
  if (queue.batchSendDeadline !== undefined && durationSeconds(queue.batchSendDeadline, `${at}.batchSendDeadline`) === 0) {
    fail(`${at}.batchSendDeadline`, queue.batchSendDeadline, "must be longer than 0s");
  }
}

function validateEntry(at: string, entry: unknown, names: Map<string, string>): void {
  if (!isObject(entry)) fail(at, entry, "must be an object { url, name?, basicAuth?, bearerTokenFile?, queue? }");
  knownKeys(at, entry, remoteWriteKeys.entry);
  checkUrlWithoutCredentials(`${at}.url`, entry.url, "give them as basicAuth.passwordFile or bearerTokenFile");
  if (entry.name !== undefined) {
    checkText(`${at}.name`, entry.name, /^[a-zA-Z0-9_-]{1,64}$/, "1-64 letters, digits, '_' or '-'");
    const other = names.get(entry.name as string);
    if (other) fail(`${at}.name`, entry.name, `is already the name of ${other}`);
    names.set(entry.name as string, at);
  }
  if (entry.basicAuth !== undefined) {
    if (!isObject(entry.basicAuth)) fail(`${at}.basicAuth`, entry.basicAuth, "must be an object { username, passwordFile }");
    knownKeys(`${at}.basicAuth`, entry.basicAuth, remoteWriteKeys.basicAuth);
    checkText(`${at}.basicAuth.username`, entry.basicAuth.username, /^[^\s:]+$/, "a user name without blanks or ':'");
    file(`${at}.basicAuth.passwordFile`, entry.basicAuth.passwordFile);
  }
  if (entry.bearerTokenFile !== undefined) {
    file(`${at}.bearerTokenFile`, entry.bearerTokenFile);
    if (entry.basicAuth !== undefined) fail(`${at}.bearerTokenFile`, entry.bearerTokenFile, "cannot go with basicAuth: a receiver takes one auth method at most");
  }
  if (entry.queue !== undefined) validateQueue(`${at}.queue`, entry.queue);
}

/** Throws an Error naming the first bad field of `prometheus.remoteWrite` and `prometheus.longTermStore`. */
export function validateRemoteWrite(remoteWrite: unknown, longTermStore: unknown): void {
  if (!Array.isArray(remoteWrite)) fail("prometheus.remoteWrite", remoteWrite, "must be a list of { url, ... }");
  const names = new Map<string, string>();
  remoteWrite.forEach((entry, i) => validateEntry(`prometheus.remoteWrite[${i}]`, entry, names));
  if (longTermStore === undefined) return;
  if (!isObject(longTermStore)) fail("prometheus.longTermStore", longTermStore, "must be an object { queryUrl }");
  knownKeys("prometheus.longTermStore", longTermStore, remoteWriteKeys.longTermStore);
  checkUrlWithoutCredentials("prometheus.longTermStore.queryUrl", longTermStore.queryUrl, "Grafana's datasource takes no credentials from the stack; put an authenticating proxy in front of the store");
}
