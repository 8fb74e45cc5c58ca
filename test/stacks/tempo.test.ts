// The Tempo switch: off by default; on, a Tempo container with its rendered config, OTLP receivers
// published beside its API, Prometheus scraping it, Grafana's datasources linked to it, and the
// endpoints applications send to among the outputs. Bad Tempo settings are refused by name.
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { TEMPO_OTLP_PORTS, renderTempoConfig } from "../../stacks/tempo-config.js";
import { componentSpecs, runningComponents } from "../../stacks/components.js";
import { enabledComponents, resolveStackConfig, type StackConfigInput } from "../../stacks/config.js";
import { images } from "../../stacks/images.js";
import { readUploads } from "../../stacks/uploads.js";
import { renderPrometheusConfig } from "../../stacks/prometheus-config.js";
import { container, type Synthesized, synth } from "./synth.js";

interface TempoYaml {
  server: { http_listen_port: number };
  distributor: { receivers: { otlp: { protocols: { grpc: { endpoint: string }; http: { endpoint: string } } } } };
  compactor: { compaction: { block_retention: string } };
  storage: { trace: { backend: string; wal: { path: string }; local: { path: string } } };
}

let base: Synthesized;
let withTempo: Synthesized;

beforeAll(() => {
  base = synth();
  withTempo = synth({ tempo: { enabled: true } });
});

describe("Tempo switch", () => {
  it("is off by default: no Tempo container, image, volume, output, file or datasource", () => {
    expect(base.config.tempo.enabled).toBe(false);
    expect(enabledComponents(base.config)).not.toContain("tempo");
    expect(Object.keys(base.doc.resource.docker_container)).not.toContain("tempo");
    expect(Object.keys(base.doc.resource.docker_image)).not.toContain("tempo");
    expect(Object.keys(base.doc.resource.docker_volume)).not.toContain("tempo_data");
    expect(Object.keys(base.doc.output).filter((o) => o.startsWith("tempo"))).toEqual([]);
    expect(Object.keys(base.files).filter((p) => p.startsWith("tempo/") || p.endsWith("datasources/tempo.yml"))).toEqual([]);
  });

  it("switched on, runs Tempo from its pinned image with its config, volume, memory limit and health check", () => {
    expect(Object.keys(withTempo.doc.resource.docker_container).sort()).toEqual([...runningComponents(false, true)].sort());
    expect(withTempo.doc.resource.docker_image.tempo).toEqual({ name: images.tempo, keep_locally: true });
    expect(images.tempo).toMatch(/^grafana\/tempo:2\.\d+\.\d+$/);
    const tempo = container(withTempo, "tempo");
    expect(tempo.command).toEqual(["-config.file=/etc/tempo/tempo.yml"]);
    expect(tempo.upload.map((u) => u.file)).toEqual(["/etc/tempo/tempo.yml"]);
    expect(withTempo.doc.resource.docker_volume.tempo_data).toEqual({ name: "observability-tempo-data" });
    expect(tempo.volumes).toContainEqual({ volume_name: "${docker_volume.tempo_data.name}", container_path: componentSpecs.tempo.dataDir });
    expect(tempo.memory).toBe(withTempo.config.components.tempo.memoryMb);
    expect(tempo.healthcheck.test[0]).toBe("CMD");
    expect(tempo.healthcheck.test.at(-1)).toBe(`http://127.0.0.1:${componentSpecs.tempo.port}/ready`);
  });

  it("publishes its API and both OTLP receivers on the bind address, at the configured host ports", () => {
    expect(container(withTempo, "tempo").ports).toEqual([
      { internal: 3200, external: 3200, ip: "127.0.0.1", protocol: "tcp" },
      { internal: 4317, external: 4317, ip: "127.0.0.1", protocol: "tcp" },
      { internal: 4318, external: 4318, ip: "127.0.0.1", protocol: "tcp" },
    ]);
    const moved = synth({ bindAddress: "0.0.0.0", tempo: { enabled: true, otlpGrpcHostPort: 14317, otlpHttpHostPort: 14318 }, components: { tempo: { hostPort: 13200 } } });
    expect(container(moved, "tempo").ports).toEqual([
      { internal: 3200, external: 13200, ip: "0.0.0.0", protocol: "tcp" },
      { internal: 4317, external: 14317, ip: "0.0.0.0", protocol: "tcp" },
      { internal: 4318, external: 14318, ip: "0.0.0.0", protocol: "tcp" },
    ]);
    expect(moved.doc.output.tempo_otlp_endpoint!.value).toBe("http://localhost:14318");
    expect(moved.doc.output.tempo_otlp_grpc_endpoint!.value).toBe("http://localhost:14317");
  });

  it("outputs the Tempo URL and the OTLP endpoints applications send to", () => {
    expect(withTempo.doc.output.tempo_url!.value).toBe("http://127.0.0.1:3200");
    expect(withTempo.doc.output.tempo_otlp_endpoint!.value).toBe("http://127.0.0.1:4318");
    expect(withTempo.doc.output.tempo_otlp_grpc_endpoint!.value).toBe("http://127.0.0.1:4317");
  });

  it("is scraped by Prometheus, and provisioned in Grafana at its address on the network", () => {
    const jobs = (input: StackConfigInput) =>
      (parse(renderPrometheusConfig(resolveStackConfig(input))) as { scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[] }).scrape_configs;
    expect(jobs({}).map((j) => j.job_name)).not.toContain("tempo");
    expect(jobs({ tempo: { enabled: true } }).find((j) => j.job_name === "tempo")!.static_configs[0]!.targets).toEqual(["tempo:3200"]);
    const grafana = readUploads(withTempo.json).filter((u) => u.component === "grafana");
    const tempoDatasource = grafana.find((u) => u.relativePath === "provisioning/datasources/tempo.yml")!;
    expect((parse(tempoDatasource.content) as { datasources: { url: string }[] }).datasources[0]!.url).toBe(`http://${withTempo.config.components.tempo.address}`);
  });
});

describe("tempo.yml", () => {
  const tempoYaml = (input: StackConfigInput) => parse(renderTempoConfig(resolveStackConfig({ tempo: { enabled: true }, ...input }))) as TempoYaml;

  it("receives OTLP over gRPC and HTTP on every interface, at the ports the container publishes", () => {
    const { grpc, http } = tempoYaml({}).distributor.receivers.otlp.protocols;
    expect(grpc.endpoint).toBe(`0.0.0.0:${TEMPO_OTLP_PORTS.grpc}`);
    expect(http.endpoint).toBe(`0.0.0.0:${TEMPO_OTLP_PORTS.http}`);
    const internal = container(withTempo, "tempo").ports.map((p) => p.internal);
    expect(internal).toEqual([componentSpecs.tempo.port, TEMPO_OTLP_PORTS.grpc, TEMPO_OTLP_PORTS.http]);
  });

  it("serves its API on the component port and keeps WAL and blocks on the data volume", () => {
    const tempo = tempoYaml({});
    expect(tempo.server.http_listen_port).toBe(componentSpecs.tempo.port);
    expect(tempo.storage.trace.backend).toBe("local");
    for (const path of [tempo.storage.trace.wal.path, tempo.storage.trace.local.path]) expect(path.startsWith(`${componentSpecs.tempo.dataDir}/`)).toBe(true);
  });

  it("keeps traces for the configured retention, as a Go duration", () => {
    expect(tempoYaml({}).compactor.compaction.block_retention).toBe("168h");
    expect(tempoYaml({ tempo: { enabled: true, retention: "14d" } }).compactor.compaction.block_retention).toBe("336h");
    expect(tempoYaml({ tempo: { enabled: true, retention: "90m" } }).compactor.compaction.block_retention).toBe("90m");
  });

  it("is uploaded exactly as rendered", () => {
    expect(readUploads(withTempo.json).find((u) => u.component === "tempo")!.content).toBe(renderTempoConfig(withTempo.config));
  });
});

describe("bad Tempo config is refused, naming the field", () => {
  const refusals: [string, StackConfigInput, RegExp][] = [
    ["Tempo switched on without a volume", { tempo: { enabled: true }, components: { tempo: { volume: "" } } }, /^components\.tempo\.volume: "" must name a Docker volume \(Tempo is switched on/],
    ["a switch that is not a boolean", { tempo: { enabled: "yes" as never } }, /^tempo\.enabled: "yes" must be true or false/],
    ["an OTLP port out of range", { tempo: { enabled: true, otlpHttpHostPort: 0 } }, /^tempo\.otlpHttpHostPort: 0 /],
    ["an OTLP port another component publishes", { tempo: { enabled: true, otlpGrpcHostPort: 9090 } }, /^tempo\.otlpGrpcHostPort: 9090 is already published by components\.prometheus\.hostPort/],
    ["both OTLP receivers on one port", { tempo: { enabled: true, otlpGrpcHostPort: 4318 } }, /^tempo\.otlpHttpHostPort: 4318 is already published by tempo\.otlpGrpcHostPort/],
    ["a retention that is no duration", { tempo: { retention: "a week" as never } }, /^tempo\.retention: "a week" /],
    ["a misspelt Tempo setting", { tempo: { otlpPort: 4317 } as never }, /^tempo\.otlpPort: 4317 is not a setting/],
    ["an application job named tempo", { rules: { scrapeJob: "tempo" } }, /^rules\.scrapeJob: "tempo" /],
  ];

  it.each(refusals)("%s", (_, input, message) => {
    expect(() => resolveStackConfig(input)).toThrow(message);
  });

  it("checks Tempo's volume and ports only when Tempo is on", () => {
    expect(() => resolveStackConfig({ components: { tempo: { volume: "" } }, tempo: { otlpGrpcHostPort: 9090 } })).not.toThrow();
  });
});
