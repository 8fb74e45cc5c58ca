// The local mode: the synthesized stack's Prometheus and Alertmanager as real processes on
// 127.0.0.1, with the demo workload as the scrape target and a webhook receiver behind every
// Alertmanager receiver. Under `dir` it keeps:
//
//   cdktf.out/                the synthesized stack (cdk.tf.json)
//   stack/<component>/        exactly the files each container would receive
//   prometheus-data/          the TSDB, kept across runs
//   alertmanager-data/        silences and notification log, kept across runs
//   logs/<server>.log
//   local-mode.pid            held while it runs: one local mode per directory
//
// Whatever fails while starting, everything started so far is stopped before the error is thrown.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Demo, DEFAULT_METRICS_PORT, startDemo } from "../demo/index.js";
import type { Logger } from "@agent-observability/instrumentation";
import { componentSpecs } from "../stacks/components.js";
import type { RemoteWriteSettings, StackConfig } from "../stacks/config.js";
import { lockDir } from "./dir-lock.js";
import { layOutUploads } from "./layout.js";
import type { ManagedProcess } from "./managed-process.js";
import { type LocalPorts, type LocalProfile, localStackInput } from "./profile.js";
import { selectPorts } from "./ports.js";
import { type ServerLaunch, type ServerName, serverDirs, serverUrl, startServer } from "./servers.js";
import { synthesizeStack } from "./synth.js";
import { type Notification, type WebhookReceiver, startWebhookReceiver } from "./webhook-receiver.js";

/** The port the rules' default receivers send to (rules/config.ts). */
export const DEFAULT_RECEIVER_PORT = 5001;

export const defaultLocalPorts: LocalPorts = {
  prometheus: componentSpecs.prometheus.port,
  alertmanager: componentSpecs.alertmanager.port,
  demo: DEFAULT_METRICS_PORT,
  receiver: DEFAULT_RECEIVER_PORT,
};

export interface LocalStackOptions {
  /** Root of the config, data and logs (see above); data in it persists across runs. */
  readonly dir: string;
  readonly profile: LocalProfile;
  /** Preferred ports (the defaults where not given); a taken one shifts up, 0 takes any free port. */
  readonly ports?: Partial<LocalPorts>;
  readonly onProgress?: (message: string) => void;
  readonly onNotification?: (notification: Notification) => void;
  /** Where the demo's instrumentation logs what it absorbs (an unpriced model ...); default the console. */
  readonly demoLogger?: Logger;
  /** Receivers Prometheus ships its samples to (`prometheus.remoteWrite`). Default none. */
  readonly remoteWrite?: readonly RemoteWriteSettings[];
  /**
   * Values of the stack's sensitive variables, as `TF_VAR_<name>` gives them to Terraform (a
   * remote-write password ...). Default: each variable's default (an empty secret file).
   */
  readonly variables?: Readonly<Record<string, string>>;
}

export interface LocalStackUrls {
  readonly prometheus: string;
  readonly alertmanager: string;
  readonly metrics: string;
  readonly scenarios: string;
  readonly receiver: string;
}

export interface LocalStack {
  readonly config: StackConfig;
  readonly ports: LocalPorts;
  readonly urls: LocalStackUrls;
  /** cdk.tf.json, and the directory each component's uploaded files were laid out in. */
  readonly paths: { readonly cdkTfJson: string; readonly stack: string; readonly logs: string; readonly data: readonly string[] };
  readonly receiver: WebhookReceiver;
  readonly demo: Demo;
  /** The server processes running now. */
  servers(): Readonly<Record<ServerName, ManagedProcess>>;
  /** Every server pid this stack ever started (restarts included). */
  readonly startedPids: readonly number[];
  /** Stops Prometheus (SIGTERM) and starts it again on the same data directory and port. */
  restartPrometheus(): Promise<ManagedProcess>;
  /** Stops everything it started; safe to call twice. */
  stop(): Promise<void>;
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const progress = options.onProgress ?? (() => {});
  const stops: (() => Promise<unknown>)[] = [];
  const stopAll = async (): Promise<void> => {
    const errors: unknown[] = [];
    for (const stop of stops.splice(0).reverse()) await stop().catch((error: unknown) => errors.push(error));
    if (errors.length > 0) throw new AggregateError(errors, `stopping the local stack: ${errors.map(String).join("; ")}`);
  };

  try {
    mkdirSync(options.dir, { recursive: true });
    const unlock = lockDir(options.dir);
    stops.push(async () => unlock());
    const ports = await selectPorts({ ...defaultLocalPorts, ...options.ports });
    progress("synthesizing the stack (cdktf)");
    const input = localStackInput(ports, options.profile, options.remoteWrite);
    const synthesized = synthesizeStack(input, join(options.dir, "cdktf.out"), options.variables);
    const config = synthesized.config;
    const stackDir = join(options.dir, "stack");
    const configDirs = layOutUploads(synthesized.uploads, stackDir);
    progress(`laid out the ${synthesized.uploads.length} files the containers would receive in ${stackDir}`);

    const receiver = await startWebhookReceiver({ port: ports.receiver, onNotification: options.onNotification });
    stops.push(() => receiver.close());
    progress(`webhook receiver listening at ${receiver.url}`);

    const demo = await startDemo({
      port: ports.demo,
      namespace: config.rules.namespace,
      speed: options.profile.demo.speed,
      ...(options.profile.demo.profile ? { profile: options.profile.demo.profile } : {}),
      ...(options.demoLogger ? { logger: options.demoLogger } : {}),
    });
    stops.push(() => demo.stop());
    progress(`demo workload serving ${demo.metricsUrl} (speed ${demo.speed})`);

    const launches = {} as Record<ServerName, ServerLaunch>;
    for (const name of ["alertmanager", "prometheus"] as const) {
      const container = synthesized.containers[name];
      const configDir = configDirs[name];
      if (!container || !configDir) throw new Error(`the synthesized stack has no ${name} container with uploaded files`);
      launches[name] = { name, container, port: ports[name], ...serverDirs(options.dir, configDir, name) };
    }
    const running = {} as Record<ServerName, ManagedProcess>;
    const startedPids: number[] = [];
    const start = async (name: ServerName): Promise<ManagedProcess> => {
      const proc = await startServer(launches[name]);
      running[name] = proc;
      startedPids.push(proc.pid);
      progress(`${name} ready at ${serverUrl(ports[name])} (pid ${proc.pid}, log ${launches[name].logFile})`);
      return proc;
    };
    // Alertmanager first, so Prometheus can deliver from its first evaluation; Prometheus stops first.
    await start("alertmanager");
    stops.push(() => running.alertmanager.stop());
    await start("prometheus");
    stops.push(() => running.prometheus.stop());

    let stopping: Promise<void> | undefined;
    return {
      config,
      ports,
      urls: {
        prometheus: serverUrl(ports.prometheus),
        alertmanager: serverUrl(ports.alertmanager),
        metrics: demo.metricsUrl,
        scenarios: demo.scenariosUrl,
        receiver: receiver.url,
      },
      paths: {
        cdkTfJson: synthesized.cdkTfJson,
        stack: stackDir,
        logs: join(options.dir, "logs"),
        data: [launches.prometheus.dirs.data, launches.alertmanager.dirs.data],
      },
      receiver,
      demo,
      servers: () => ({ ...running }),
      startedPids,
      restartPrometheus: async () => {
        await running.prometheus.stop();
        return start("prometheus");
      },
      stop: () => (stopping ??= stopAll()),
    };
  } catch (error) {
    await stopAll().catch(() => {});
    throw error;
  }
}
