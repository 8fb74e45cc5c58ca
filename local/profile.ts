// The stack config of the local mode: the same StackConfigInput the Docker stack takes, with every
// address on 127.0.0.1 at the ports chosen for this run, Prometheus scraping the demo workload,
// and Alertmanager's receivers pointed at the local webhook receiver. A profile adds what differs
// between `npm start` (the production thresholds and timings) and the test profile.
import type { DemoProfileInput } from "../demo/index.js";
import { type Duration } from "../contract/duration.js";
import { defaultReceivers } from "../rules/defaults.js";
import { type RulesConfigInput } from "../rules/config.js";
import type { RemoteWriteSettings, StackConfigInput } from "../stacks/config.js";
import { componentNames, componentSpecs } from "../stacks/components.js";
import { LOOPBACK } from "./ports.js";

/** The ports of one local run. */
export interface LocalPorts {
  readonly prometheus: number;
  readonly alertmanager: number;
  /** The demo's /metrics and scenario control API. */
  readonly demo: number;
  readonly receiver: number;
}

/** What a profile sets on top of the local addresses. */
export interface LocalProfile {
  readonly name: string;
  /** The demo workload: time compression and intensities. */
  readonly demo: { readonly speed: number; readonly profile?: DemoProfileInput };
  /** The rules config (thresholds, intervals, windows, Alertmanager timings); receivers are set here. */
  readonly rules: Omit<RulesConfigInput, "alertmanager"> & { readonly alertmanager?: Omit<NonNullable<RulesConfigInput["alertmanager"]>, "receivers"> };
  readonly scrapeInterval?: Duration;
}

/** The production config as the Docker stack deploys it, with the demo running in real time. */
export const defaultLocalProfile: LocalProfile = { name: "default", demo: { speed: 1 }, rules: {} };

const address = (port: number): string => `${LOOPBACK}:${port}`;

/**
 * The stack's receivers, each sending only to the local webhook receiver at /<receiver name>
 * (e-mail and Slack need accounts; the webhook shows the same notification).
 */
function localReceivers(receiverPort: number): NonNullable<RulesConfigInput["alertmanager"]>["receivers"] {
  return defaultReceivers.map((r) => ({ name: r.name, webhooks: [{ url: `http://${address(receiverPort)}/${r.name}` }] }));
}

/** The stack config input of a local run with `profile`, every address on 127.0.0.1. */
export function localStackInput(ports: LocalPorts, profile: LocalProfile, remoteWrite: readonly RemoteWriteSettings[] = []): StackConfigInput {
  return {
    components: {
      // Grafana, Loki, Alloy and Tempo do not run locally; their addresses are local all the same,
      // so nothing points elsewhere (the self-scrape of Grafana fails fast: up 0).
      ...Object.fromEntries(componentNames.map((c) => [c, { address: address(componentSpecs[c].port) }])),
      prometheus: { hostPort: ports.prometheus, address: address(ports.prometheus) },
      alertmanager: { hostPort: ports.alertmanager, address: address(ports.alertmanager) },
    },
    prometheus: {
      scrapeTargets: [address(ports.demo)],
      extraHosts: {},
      ...(profile.scrapeInterval ? { scrapeInterval: profile.scrapeInterval } : {}),
      ...(remoteWrite.length > 0 ? { remoteWrite } : {}),
    },
    rules: {
      ...profile.rules,
      alertmanager: { ...profile.rules.alertmanager, receivers: localReceivers(ports.receiver) },
    },
  };
}
