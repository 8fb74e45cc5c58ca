// Refuses a bad stack config before anything is rendered or written. Every message names the field
// path and the value, e.g. `components.grafana.hostPort: 70000 must be a whole number from 1 to 65535`.
import { isIP } from "node:net";
import { durationSeconds } from "../contract/duration.js";
import { type ComponentName, componentNames, isComponentName, runningComponents } from "./components.js";
import { checkBoolean as boolean, fail, isObject, knownKeys } from "../contract/fail.js";
import { genAiSources, isGenAiSource } from "../contract/llm-signals.js";
import { extensionKeys } from "./extensions.js";
import { checkKubernetesShape, validateKubernetesSettings } from "./kubernetes/validate.js";
import { validateRemoteWrite } from "./remote-write-validate.js";
import { type RestartPolicy, type StackConfigInput, type StackSettings, stackDashboardKeys } from "./settings.js";

const inputKeys = {
  top: ["name", "target", "genAiSource", "rules", "dashboards", "docker", "bindAddress", "restart", "components", "prometheus", "grafana", "loki", "tempo", "kubernetes", "extensions"],
  docker: ["host", "network"],
  component: ["hostPort", "memoryMb", "volume", "address"],
  prometheus: ["retention", "scrapeInterval", "scrapeTargets", "metricsPath", "extraHosts", "remoteWrite", "longTermStore"],
  grafana: ["adminUser", "anonymousAccess"],
  loki: ["enabled", "retention", "dockerSocket"],
  tempo: ["enabled", "retention", "otlpGrpcHostPort", "otlpHttpHostPort"],
} as const;

/**
 * Refuses keys the stack does not know, so a typo (`lokii`, `hostport`) or a component that does
 * not exist fails loudly instead of being ignored. The rules and dashboards inputs are checked by
 * their own resolvers.
 */
export function checkInputShape(input: StackConfigInput): void {
  knownKeys("", input, inputKeys.top);
  if (input.genAiSource !== undefined && !isGenAiSource(input.genAiSource)) fail("genAiSource", input.genAiSource, `must be one of ${genAiSources.join(", ")}`);
  // Rules and dashboards both follow it, so it is set once, beside them.
  if (isObject(input.rules) && "genAiSource" in input.rules) fail("rules.genAiSource", input.rules.genAiSource, "is a top-level setting: set genAiSource beside rules, not inside it");
  knownKeys("docker", input.docker, inputKeys.docker);
  knownKeys("prometheus", input.prometheus, inputKeys.prometheus);
  knownKeys("grafana", input.grafana, inputKeys.grafana);
  knownKeys("loki", input.loki, inputKeys.loki);
  knownKeys("tempo", input.tempo, inputKeys.tempo);
  checkKubernetesShape(input.kubernetes);
  knownKeys("extensions", input.extensions, extensionKeys);
  knownKeys("dashboards", input.dashboards, stackDashboardKeys);
  if (input.components === undefined) return;
  if (!isObject(input.components)) fail("components", input.components, "must be an object keyed by component");
  for (const [name, settings] of Object.entries(input.components)) {
    if (!isComponentName(name)) fail(`components.${name}`, settings, `is not a component of the stack (components: ${componentNames.join(", ")})`);
    knownKeys(`components.${name}`, settings, inputKeys.component);
  }
}

const DOCKER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const DOCKER_HOST = /^(unix|tcp|ssh|npipe):\/\/\S+$/;
const HOST_NAME = /^[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?$/;
const RESTART_POLICIES: readonly RestartPolicy[] = ["no", "on-failure", "always", "unless-stopped"];
/** The stack's own scrape jobs; the applications' job must not take one of these names. */
const OWN_JOBS: readonly string[] = ["prometheus", "alertmanager", "grafana", "loki", "alloy", "tempo"];
/** What a switched-on component keeps on its volume, for the message refusing a missing one. */
const KEEPS: Partial<Record<ComponentName, string>> = {
  loki: "Loki is switched on and keeps its chunks and index there",
  tempo: "Tempo is switched on and keeps its traces there",
};

function port(field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 65535) fail(field, value, "must be a whole number from 1 to 65535");
  return value;
}

function dockerName(field: string, value: unknown, what: string): void {
  if (typeof value !== "string" || !DOCKER_NAME.test(value)) fail(field, value, `must name a ${what} (letters, digits, '_', '.', '-')`);
}

/** `host:port` or `[ipv6]:port`. */
export function checkAddress(field: string, value: unknown): void {
  const match = typeof value === "string" ? /^(\[[0-9a-fA-F:.]+\]|[a-zA-Z0-9._-]+):(\d+)$/.exec(value) : null;
  if (!match) fail(field, value, "must be host:port");
  port(field, Number(match[2]));
}

function positiveDuration(field: string, value: unknown): number {
  const seconds = durationSeconds(value, field);
  if (seconds === 0) fail(field, value, "must be longer than 0s");
  return seconds;
}

/** Host ports other than the components' own: Tempo's OTLP receivers, when Tempo runs. */
function extraHostPorts(c: StackSettings, running: readonly ComponentName[]): [string, unknown][] {
  if (!running.includes("tempo")) return [];
  return [
    ["tempo.otlpGrpcHostPort", c.tempo.otlpGrpcHostPort],
    ["tempo.otlpHttpHostPort", c.tempo.otlpHttpHostPort],
  ];
}

function validateComponents(c: StackSettings, running: readonly ComponentName[]): void {
  const published = new Map<number, string>();
  const publish = (field: string, value: unknown) => {
    const hostPort = port(field, value);
    const other = published.get(hostPort);
    if (other) fail(field, hostPort, `is already published by ${other}`);
    published.set(hostPort, field);
  };
  const volumes = new Map<string, string>();
  for (const name of running) {
    const at = `components.${name}`;
    const settings = c.components[name];
    publish(`${at}.hostPort`, settings.hostPort);
    if (typeof settings.memoryMb !== "number" || !Number.isInteger(settings.memoryMb) || settings.memoryMb < 16) {
      fail(`${at}.memoryMb`, settings.memoryMb, "must be a whole number of MiB, at least 16");
    }
    const keeps = KEEPS[name] ? ` (${KEEPS[name]})` : "";
    if (typeof settings.volume !== "string" || settings.volume === "") fail(`${at}.volume`, settings.volume, `must name a Docker volume${keeps}`);
    dockerName(`${at}.volume`, settings.volume, "Docker volume");
    const sharing = volumes.get(settings.volume);
    if (sharing) fail(`${at}.volume`, settings.volume, `is already the volume of ${sharing}`);
    volumes.set(settings.volume, at);
    checkAddress(`${at}.address`, settings.address);
  }
  for (const [field, value] of extraHostPorts(c, running)) publish(field, value);
}

function validatePrometheus(c: StackSettings): void {
  const p = c.prometheus;
  positiveDuration("prometheus.retention", p.retention);
  positiveDuration("prometheus.scrapeInterval", p.scrapeInterval);
  if (!Array.isArray(p.scrapeTargets) || p.scrapeTargets.length === 0) fail("prometheus.scrapeTargets", p.scrapeTargets, "must list at least one host:port");
  p.scrapeTargets.forEach((target, i) => checkAddress(`prometheus.scrapeTargets[${i}]`, target));
  if (typeof p.metricsPath !== "string" || !/^\/\S*$/.test(p.metricsPath)) fail("prometheus.metricsPath", p.metricsPath, 'must be a URL path starting with "/"');
  if (!isObject(p.extraHosts)) fail("prometheus.extraHosts", p.extraHosts, "must map host names to IP addresses or host-gateway");
  for (const [host, ip] of Object.entries(p.extraHosts)) {
    if (!HOST_NAME.test(host)) fail(`prometheus.extraHosts.${host}`, host, "must be a host name");
    if (ip !== "host-gateway" && isIP(String(ip)) === 0) fail(`prometheus.extraHosts.${host}`, ip, "must be an IP address or host-gateway");
  }
}

/** The applications' job name must differ from the stack's own scrape jobs. */
export function checkScrapeJob(scrapeJob: string): void {
  if (OWN_JOBS.includes(scrapeJob)) fail("rules.scrapeJob", scrapeJob, `is a scrape job of the stack itself (${OWN_JOBS.join(", ")}); pick another`);
}

export function validateStackSettings(c: StackSettings): void {
  dockerName("name", c.name, "stack (the prefix of container and volume names)");
  if (c.target === "kubernetes") validateKubernetesSettings(c.name, c.kubernetes);
  if (typeof c.docker.host !== "string" || !DOCKER_HOST.test(c.docker.host)) {
    fail("docker.host", c.docker.host, "must be a Docker endpoint such as unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host");
  }
  dockerName("docker.network", c.docker.network, "Docker network");
  if (typeof c.bindAddress !== "string" || isIP(c.bindAddress) === 0) fail("bindAddress", c.bindAddress, "must be an IP address such as 127.0.0.1 or 0.0.0.0");
  if (!RESTART_POLICIES.includes(c.restart)) fail("restart", c.restart, `must be one of ${RESTART_POLICIES.join(", ")}`);
  boolean("loki.enabled", c.loki.enabled);
  positiveDuration("loki.retention", c.loki.retention);
  if (typeof c.loki.dockerSocket !== "string" || !/^\/\S+$/.test(c.loki.dockerSocket)) fail("loki.dockerSocket", c.loki.dockerSocket, "must be an absolute path on the Docker host");
  boolean("tempo.enabled", c.tempo.enabled);
  positiveDuration("tempo.retention", c.tempo.retention);
  if (typeof c.grafana.adminUser !== "string" || c.grafana.adminUser.trim() === "") fail("grafana.adminUser", c.grafana.adminUser, "must not be empty");
  boolean("grafana.anonymousAccess", c.grafana.anonymousAccess);
  // The Docker-only settings hold their defaults with target kubernetes (other values are refused).
  validateComponents(c, runningComponents(c.loki.enabled, c.tempo.enabled));
  validatePrometheus(c);
  validateRemoteWrite(c.prometheus.remoteWrite, c.prometheus.longTermStore);
}
