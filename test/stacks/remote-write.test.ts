// remote_write on the Docker target: rendered into prometheus.yml from `prometheus.remoteWrite`,
// its password and token files uploaded beside it from sensitive variables (one per file, the
// same variables the Kubernetes target fills its Secret from), checked by promtool; and the
// settings' validation, naming the field and never echoing a credential.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { remoteWriteSecrets } from "../../stacks/remote-write.js";
import { configSecrets } from "../../stacks/secrets.js";
import type { StackConfigInput } from "../../stacks/settings.js";
import { readUploads, uploadsOf } from "../../stacks/uploads.js";
import { run } from "../support/binaries.js";
import { writeTree } from "../support/tree.js";
import { synth } from "./synth.js";

const remoteWrite = [
  { url: "https://mimir.example.com/api/v1/push", name: "mimir", basicAuth: { username: "tenant-1", passwordFile: "secrets/mimir-password" }, queue: { capacity: 10000, maxShards: 20, maxSamplesPerSend: 2000, batchSendDeadline: "5s" as const } },
  { url: "https://thanos.example.com/api/v1/receive", bearerTokenFile: "/etc/prometheus/secrets/thanos-token" },
];

const withRemoteWrite = (extra: StackConfigInput["prometheus"] = {}): StackConfigInput => ({ prometheus: { remoteWrite, ...extra } });

describe("remote_write in prometheus.yml", () => {
  const s = synth(withRemoteWrite());
  const variables = Object.fromEntries(Object.keys(s.doc.variable).map((v) => [v, `dummy-${v}`]));
  const files = uploadsOf(readUploads(s.json, variables), "prometheus");
  const config = parse(files["prometheus.yml"]!) as { remote_write: Record<string, unknown>[] };

  it("is each receiver with its auth from files and its queue settings", () => {
    expect(config.remote_write).toEqual([
      {
        url: "https://mimir.example.com/api/v1/push",
        name: "mimir",
        basic_auth: { username: "tenant-1", password_file: "secrets/mimir-password" },
        queue_config: { capacity: 10000, max_shards: 20, max_samples_per_send: 2000, batch_send_deadline: "5s" },
      },
      { url: "https://thanos.example.com/api/v1/receive", authorization: { type: "Bearer", credentials_file: "secrets/thanos-token" } },
    ]);
  });

  it("passes promtool check config with the secret files laid out as the container holds them", () => {
    const tree = writeTree(files, "remote-write-");
    try {
      const result = run("promtool", ["check", "config", "prometheus.yml"], { cwd: tree.dir });
      expect(result.status, result.stderr + result.stdout).toBe(0);
    } finally {
      tree.remove();
    }
  });

  it("uploads each secret file from its own sensitive variable, the ones the Kubernetes target uses too", () => {
    expect(files["secrets/mimir-password"]).toBe("dummy-prometheus_mimir_password");
    expect(files["secrets/thanos-token"]).toBe("dummy-prometheus_thanos_token");
    for (const name of ["prometheus_mimir_password", "prometheus_thanos_token"]) expect(s.doc.variable[name]).toMatchObject({ sensitive: true, default: "" });
    expect(configSecrets("prometheus", files["prometheus.yml"]!)).toEqual(remoteWriteSecrets(s.config.prometheus.remoteWrite));
    expect(s.json).not.toContain("dummy-");
  });

  it("is absent without receivers, so the default prometheus.yml is unchanged", () => {
    expect(synth().files["prometheus/prometheus.yml"]).not.toContain("remote_write");
  });

  it("with a long-term store, Grafana's Prometheus datasource queries it; Prometheus still evaluates the rules", () => {
    const t = synth(withRemoteWrite({ longTermStore: { queryUrl: "https://mimir.example.com/prometheus" } }));
    const ds = parse(t.files["grafana/provisioning/datasources/prometheus.yml"]!) as { datasources: { uid: string; url: string }[] };
    expect(ds.datasources).toEqual([expect.objectContaining({ uid: "prometheus", url: "https://mimir.example.com/prometheus" })]);
    expect(t.files["prometheus/prometheus.yml"]).toContain("rule_files");
  });
});

describe("remote_write settings", () => {
  const refused = (entry: unknown, extra: object = {}) => () => synth({ prometheus: { remoteWrite: [entry as never], ...extra } });

  it("refuse a URL with credentials without echoing them", () => {
    const attempt = refused({ url: "https://user:hunter2@mimir.example.com/api/v1/push" });
    expect(attempt).toThrow(/^prometheus\.remoteWrite\[0\]\.url: .*carries a credential \(a user:password before @\).*basicAuth\.passwordFile/);
    expect(attempt).not.toThrow(/hunter2/);
    expect(refused({ url: "https://mimir.example.com/push?api_key=s3cr3t" })).toThrow(/query parameter api_key/);
    expect(refused({ url: "ftp://mimir.example.com" })).toThrow(/^prometheus\.remoteWrite\[0\]\.url: "ftp:\/\/mimir\.example\.com" must be an http\(s\) URL/);
  });

  it("refuse two auth methods, bad queue numbers and durations, unknown keys", () => {
    const url = "https://mimir.example.com/api/v1/push";
    expect(refused({ url, basicAuth: { username: "u", passwordFile: "secrets/p" }, bearerTokenFile: "secrets/t" })).toThrow(/^prometheus\.remoteWrite\[0\]\.bearerTokenFile: "secrets\/t" cannot go with basicAuth/);
    expect(refused({ url, queue: { maxShards: 0 } })).toThrow(/^prometheus\.remoteWrite\[0\]\.queue\.maxShards: 0 must be a whole number, at least 1/);
    expect(refused({ url, queue: { capacity: 2.5 } })).toThrow(/queue\.capacity: 2\.5/);
    expect(refused({ url, queue: { batchSendDeadline: "5 seconds" } })).toThrow(/^prometheus\.remoteWrite\[0\]\.queue\.batchSendDeadline: "5 seconds" is not a duration/);
    expect(refused({ url, queue: { maxShard: 3 } })).toThrow(/^prometheus\.remoteWrite\[0\]\.queue\.maxShard: 3 is not a setting \(did you mean maxShards\?/);
    expect(refused({ url, bearerToken: "x" })).toThrow(/^prometheus\.remoteWrite\[0\]\.bearerToken: "x" is not a setting \(did you mean bearerTokenFile\?/);
  });

  it("refuse a secret file outside secrets/ and two receivers of one name", () => {
    const url = "https://mimir.example.com/api/v1/push";
    expect(refused({ url, bearerTokenFile: "prometheus.yml" })).toThrow(/^prometheus\.remoteWrite\[0\]\.bearerTokenFile: "prometheus\.yml" must be a file under secrets\//);
    expect(refused({ url, bearerTokenFile: "/etc/passwd" })).toThrow(/must be inside \/etc\/prometheus\//);
    expect(() => synth({ prometheus: { remoteWrite: [{ url, name: "a" }, { url, name: "a" }] } })).toThrow(/^prometheus\.remoteWrite\[1\]\.name: "a" is already the name of prometheus\.remoteWrite\[0\]/);
  });

  it("refuse a long-term store URL with credentials", () => {
    expect(() => synth({ prometheus: { longTermStore: { queryUrl: "https://u:p@mimir.example.com/prometheus" } } })).toThrow(/^prometheus\.longTermStore\.queryUrl: .*carries a credential/);
    expect(() => synth({ prometheus: { longTermStore: { url: "https://x" } as never } })).toThrow(/^prometheus\.longTermStore\.url: "https:\/\/x" is not a setting \(known: queryUrl\)/);
  });
});
