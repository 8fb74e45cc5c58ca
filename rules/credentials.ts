// Credentials hidden in a URL the config names: a user:password, a token in the query, or a
// webhook URL whose path is itself the secret (Slack, Discord, Teams). Such a URL would be written
// in the clear into alertmanager.yml and cdk.tf.json, so the config refuses it (and never echoes it).

/** Query parameters that carry a secret, by the words in their name. */
const SECRET_WORDS = new Set(["token", "key", "apikey", "secret", "password", "passwd", "pwd", "auth", "signature", "sig", "sas", "credential", "credentials"]);

/** Webhook hosts whose URL path is the credential. */
const SECRET_PATH_HOSTS: readonly { host: RegExp; path: RegExp; service: string }[] = [
  { host: /^hooks\.slack\.com$/i, path: /^\/services\//, service: "a Slack incoming webhook" },
  { host: /^(.+\.)?discord(app)?\.com$/i, path: /^\/api\/webhooks\//, service: "a Discord webhook" },
  { host: /\.webhook\.office\.com$/i, path: /^\/webhook/, service: "a Microsoft Teams webhook" },
];

function words(name: string): string[] {
  return name.split(/[^a-zA-Z0-9]+|(?<=[a-z])(?=[A-Z])/).map((w) => w.toLowerCase()).filter((w) => w !== "");
}

function isSecretParam(name: string): boolean {
  return words(name).some((w) => SECRET_WORDS.has(w)) || /^x-?api-?key$/i.test(name);
}

/** What in `url` is a credential, or undefined when it carries none (or is no URL). */
export function credentialIn(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.username !== "" || parsed.password !== "") return "a user:password before @";
  const param = [...parsed.searchParams.keys()].find(isSecretParam);
  if (param !== undefined) return `the query parameter ${param}`;
  const pathSecret = SECRET_PATH_HOSTS.find((h) => h.host.test(parsed.hostname) && h.path.test(parsed.pathname));
  if (pathSecret) return `its path, which is ${pathSecret.service}'s secret`;
  return undefined;
}

/** `url` with its credentials masked, for messages. */
export function redact(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "(not shown)";
  }
  if (parsed.username !== "") parsed.username = "***";
  if (parsed.password !== "") parsed.password = "***";
  for (const name of [...parsed.searchParams.keys()]) if (isSecretParam(name)) parsed.searchParams.set(name, "***");
  if (SECRET_PATH_HOSTS.some((h) => h.host.test(parsed.hostname) && h.path.test(parsed.pathname))) parsed.pathname = "/***";
  return parsed.toString();
}
