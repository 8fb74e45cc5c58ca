import { homedir, tmpdir } from "node:os";
import { Testing } from "cdktf";
import { beforeAll, describe, expect, it } from "vitest";
import { componentSpecs, runningComponents } from "../../stacks/components.js";
import { enabledComponents } from "../../stacks/config.js";
import { GRAFANA_ADMIN_PASSWORD } from "../../stacks/agent-observability-stack.js";
import { images } from "../../stacks/images.js";
import { readUploads } from "../../stacks/uploads.js";
import { defaultReceivers } from "../../rules/defaults.js";
import { container, type Synthesized, synth } from "./synth.js";

let base: Synthesized;
let withLoki: Synthesized;
let grafanaEvaluates: Synthesized;

beforeAll(() => {
  base = synth();
  withLoki = synth({ loki: { enabled: true } });
  grafanaEvaluates = synth({ rules: { evaluator: "grafana" } });
});

describe("resources", () => {
  it("declares the Docker provider on the configured host, one network, and the local backend at a relative path", () => {
    expect(Testing.toHaveProviderWithProperties(base.json, "docker", { host: "unix:///var/run/docker.sock" })).toBe(true);
    expect(Object.values(base.doc.resource.docker_network)).toEqual([{ name: "observability" }]);
    expect(base.doc.terraform.backend.local.path).toBe("../../../terraform.observability.tfstate");
    const remote = synth({ docker: { host: "ssh://ops@docker.example.com", network: "obs-net" } });
    expect(remote.doc.provider.docker[0]!.host).toBe("ssh://ops@docker.example.com");
    expect(Object.values(remote.doc.resource.docker_network)).toEqual([{ name: "obs-net" }]);
  });

  it("runs Prometheus, Alertmanager and Grafana, each from an image pinned to an exact version", () => {
    expect(Object.keys(base.doc.resource.docker_container).sort()).toEqual(["alertmanager", "grafana", "prometheus"]);
    for (const component of enabledComponents(base.config)) {
      const image = base.doc.resource.docker_image[component]!;
      expect(image).toEqual({ name: images[component], keep_locally: true });
      expect(Testing.toHaveResourceWithProperties(base.json, "docker_image", { name: images[component], keep_locally: true })).toBe(true);
      expect(image.name).toMatch(/^[a-z0-9/.-]+:v?\d+\.\d+\.\d+$/);
      expect(container(base, component).image).toBe(`\${docker_image.${component}.image_id}`);
    }
  });

  it("joins every container to the network under its component name", () => {
    for (const component of enabledComponents(base.config)) {
      expect(container(base, component).networks_advanced).toEqual([{ name: "${docker_network.network.name}", aliases: [component] }]);
      expect(container(base, component).name).toBe(`observability-${component}`);
    }
  });

  it("publishes each port on 127.0.0.1 by default, and on the configured address otherwise", () => {
    for (const component of enabledComponents(base.config)) {
      const port = componentSpecs[component].port;
      expect(container(base, component).ports).toEqual([{ internal: port, external: port, ip: "127.0.0.1", protocol: "tcp" }]);
    }
    const open = synth({ bindAddress: "0.0.0.0", components: { grafana: { hostPort: 3300 } } });
    expect(container(open, "grafana").ports).toEqual([{ internal: 3000, external: 3300, ip: "0.0.0.0", protocol: "tcp" }]);
    expect(Testing.toHaveResourceWithProperties(base.json, "docker_container", { name: "observability-grafana", ports: [{ internal: 3000, external: 3000, ip: "127.0.0.1", protocol: "tcp" }] })).toBe(true);
    expect(Testing.toHaveResourceWithProperties(base.json, "docker_container", { name: "observability-grafana", ports: [{ internal: 3000, external: 3000, ip: "0.0.0.0", protocol: "tcp" }] })).toBe(false);
  });

  it("keeps each component's data on its own named volume", () => {
    for (const component of enabledComponents(base.config)) {
      const volume = base.doc.resource.docker_volume[`${component}_data`];
      expect(volume).toEqual({ name: `observability-${component}-data` });
      expect(container(base, component).volumes).toContainEqual({
        volume_name: `\${docker_volume.${component}_data.name}`,
        container_path: componentSpecs[component].dataDir,
      });
    }
  });

  it("checks each container's health on its ready endpoint", () => {
    const paths = { prometheus: "/-/ready", alertmanager: "/-/healthy", grafana: "/api/health" } as const;
    for (const [component, path] of Object.entries(paths)) {
      const check = container(base, component).healthcheck;
      expect(check.test[0]).toBe("CMD");
      expect(check.test.at(-1)).toBe(`http://127.0.0.1:${componentSpecs[component as keyof typeof paths].port}${path}`);
      expect(check.retries).toBeGreaterThan(0);
    }
  });

  it("applies the restart policy and memory limits from the config", () => {
    for (const component of enabledComponents(base.config)) {
      expect(container(base, component).restart).toBe("unless-stopped");
      expect(container(base, component).memory).toBe(base.config.components[component].memoryMb);
    }
    const tuned = synth({ restart: "always", components: { prometheus: { memoryMb: 2048 } } });
    expect(container(tuned, "prometheus")).toMatchObject({ restart: "always", memory: 2048 });
  });

  it("runs Prometheus with the uploaded config, the TSDB volume, the retention and exemplar storage, reaching the host via host-gateway", () => {
    const prometheus = container(synth({ prometheus: { retention: "30d" } }), "prometheus");
    expect(prometheus.command).toEqual([
      "--config.file=/etc/prometheus/prometheus.yml",
      "--storage.tsdb.path=/prometheus",
      "--storage.tsdb.retention.time=30d",
      "--enable-feature=exemplar-storage",
    ]);
    expect(prometheus.host).toEqual([{ host: "host.docker.internal", ip: "host-gateway" }]);
  });

  it("runs Alertmanager in its config directory, so relative secret paths resolve there", () => {
    const alertmanager = container(base, "alertmanager");
    expect(alertmanager.working_dir).toBe("/etc/alertmanager");
    expect(alertmanager.command).toContain("--config.file=/etc/alertmanager/alertmanager.yml");
  });

  it("gives Grafana its admin password from a sensitive variable and keeps anonymous access off", () => {
    const env = container(base, "grafana").env ?? [];
    expect(env).toContain(`GF_SECURITY_ADMIN_PASSWORD=\${var.${GRAFANA_ADMIN_PASSWORD}}`);
    expect(env).toContain("GF_AUTH_ANONYMOUS_ENABLED=false");
    expect(base.doc.variable[GRAFANA_ADMIN_PASSWORD]).toMatchObject({ type: "string", sensitive: true });
    expect(base.doc.variable[GRAFANA_ADMIN_PASSWORD]!.default).toBeUndefined();
    expect(container(synth({ grafana: { anonymousAccess: true } }), "grafana").env).toContain("GF_AUTH_ANONYMOUS_ENABLED=true");
  });

  it("outputs the URL of every running component", () => {
    expect(base.doc.output).toEqual({
      prometheus_url: { value: "http://127.0.0.1:9090", description: "prometheus on the Docker host" },
      alertmanager_url: { value: "http://127.0.0.1:9093", description: "alertmanager on the Docker host" },
      grafana_url: { value: "http://127.0.0.1:3000", description: "grafana on the Docker host" },
    });
  });
});

describe("Loki switch", () => {
  it("adds Loki and Alloy with their images, volumes, health checks and outputs only when on", () => {
    expect(Object.keys(base.doc.resource.docker_container)).not.toContain("loki");
    expect(Object.keys(base.doc.resource.docker_image)).not.toContain("alloy");
    expect(Object.keys(withLoki.doc.resource.docker_container).sort()).toEqual([...runningComponents(true)].sort());
    expect(withLoki.doc.resource.docker_image.loki!.name).toBe(images.loki);
    expect(withLoki.doc.resource.docker_image.alloy!.name).toBe(images.alloy);
    expect(withLoki.doc.resource.docker_volume.loki_data).toEqual({ name: "observability-loki-data" });
    expect(container(withLoki, "loki").healthcheck.test.at(-1)).toBe("http://127.0.0.1:3100/ready");
    expect(container(withLoki, "alloy").healthcheck.test.join(" ")).toContain("/-/ready");
    expect(withLoki.doc.output.loki_url!.value).toBe("http://127.0.0.1:3100");
  });

  it("mounts the host's Docker socket into Alloy read-only", () => {
    expect(container(withLoki, "alloy").volumes).toContainEqual({ host_path: "/var/run/docker.sock", container_path: "/var/run/docker.sock", read_only: true });
  });

  it("provisions the Loki datasource in Grafana only when on", () => {
    const grafanaFiles = (s: Synthesized) => readUploads(s.json).filter((u) => u.component === "grafana").map((u) => u.relativePath);
    expect(grafanaFiles(base)).not.toContain("provisioning/datasources/loki.yml");
    expect(grafanaFiles(withLoki)).toContain("provisioning/datasources/loki.yml");
  });
});

describe("evaluator switch", () => {
  const alerting = (s: Synthesized) =>
    readUploads(s.json).filter((u) => u.component === "grafana" && u.relativePath?.startsWith("provisioning/alerting/"));

  it("uploads Grafana's alerting provisioning only with the Grafana evaluator", () => {
    expect(alerting(base)).toEqual([]);
    expect(alerting(grafanaEvaluates).length).toBeGreaterThan(0);
    expect(Object.keys(base.files).some((p) => p.startsWith("grafana/provisioning/alerting/"))).toBe(false);
  });
});

describe("what cdk.tf.json must not hold", () => {
  it("holds no value of a secret, only references to sensitive variables", () => {
    const secretVariables = Object.entries(base.doc.variable).filter(([, v]) => v.sensitive);
    expect(secretVariables.length).toBeGreaterThan(1);
    const values = Object.fromEntries(secretVariables.map(([name]) => [name, `value-of-${name}-${Math.random().toString(36).slice(2)}`]));
    const saved = { ...process.env };
    try {
      for (const [name, value] of Object.entries(values)) process.env[`TF_VAR_${name}`] = value;
      const again = synth();
      for (const value of Object.values(values)) expect(again.json).not.toContain(value);
      const secretUploads = readUploads(again.json).filter((u) => u.variables.length > 0);
      expect(secretUploads.map((u) => u.content)).toEqual(secretUploads.map((u) => `\${var.${u.variables[0]}}`));
    } finally {
      process.env = saved;
    }
  });

  it("turns each receiver secret into a sensitive variable uploaded where alertmanager.yml reads it", () => {
    const receivers = defaultReceivers.map((r) =>
      r.name === "paging" ? { ...r, webhooks: [{ url: "https://pager.example.com/hook", credentialsFile: "/etc/alertmanager/secrets/pager-token" }] } : r,
    );
    const s = synth({ rules: { alertmanager: { receivers } } });
    expect(s.doc.variable.alertmanager_pager_token).toEqual({
      type: "string",
      sensitive: true,
      default: "",
      description: expect.stringContaining("secrets/pager-token"),
    });
    expect(container(s, "alertmanager").upload).toContainEqual({
      file: "/etc/alertmanager/secrets/pager-token",
      content: "${var.alertmanager_pager_token}",
      permissions: "0444",
    });
    expect(s.files["alertmanager/alertmanager.yml"]).toContain("credentials_file: secrets/pager-token");
  });

  it("holds no path of the machine it was built on", () => {
    for (const s of [base, withLoki]) {
      for (const path of [process.cwd(), tmpdir(), homedir(), s.outdir]) expect(s.json).not.toContain(path);
    }
  });

  it("is the same on every synth", () => {
    expect(synth().json).toBe(base.json);
    expect(synth({ loki: { enabled: true } }).json).toBe(withLoki.json);
  });
});
