// kube-prometheus-stack's values, drawn from the typed config: Prometheus's retention, intervals,
// storage and remote_write; the selectors that make it load this stack's PrometheusRules and
// monitors (by the `release` label the stack puts on them); Alertmanager reading the stack's own
// alertmanager.yml from a Secret; Grafana's admin from a Secret and its sidecars loading the
// dashboards, datasources and (with the Grafana evaluator) alert rules from labelled ConfigMaps.
import type { StackConfig } from "../config.js";
import { EXEMPLAR_STORAGE_FLAG } from "../prometheus.js";
import { FOLDER_ANNOTATION, sidecarLabels } from "./grafana-sidecar.js";
import { type KubernetesNames, RELEASE_LABEL } from "./names.js";

export const GRAFANA_ADMIN_KEYS = { user: "admin-user", password: "admin-password" } as const;

export interface KubePrometheusStackInputs {
  readonly names: KubernetesNames;
  /** Prometheus's `remoteWrite` (RemoteWriteSpec entries, credentials as Secret references). */
  readonly remoteWrite: readonly object[];
  /** Whether alertmanager.yml reads secret files (the Secret holding them is then mounted). */
  readonly alertmanagerSecretFiles: boolean;
}

function storageSpec(c: StackConfig): object {
  const { prometheus, storageClass } = c.kubernetes.storage;
  return {
    volumeClaimTemplate: {
      spec: { accessModes: ["ReadWriteOnce"], ...(storageClass !== undefined && { storageClassName: storageClass }), resources: { requests: { storage: prometheus } } },
    },
  };
}

function grafanaValues(c: StackConfig, names: KubernetesNames): object {
  const sidecar = (kind: keyof typeof sidecarLabels) => ({ label: sidecarLabels[kind].label, labelValue: sidecarLabels[kind].value });
  return {
    fullnameOverride: names.services.grafana,
    admin: { existingSecret: names.secrets.grafanaAdmin, userKey: GRAFANA_ADMIN_KEYS.user, passwordKey: GRAFANA_ADMIN_KEYS.password },
    "grafana.ini": {
      server: { root_url: c.rules.grafana.url },
      "auth.anonymous": { enabled: c.grafana.anonymousAccess },
      users: { allow_sign_up: false },
      analytics: { reporting_enabled: false, check_for_updates: false },
    },
    sidecar: {
      dashboards: { enabled: true, ...sidecar("dashboards"), folderAnnotation: FOLDER_ANNOTATION, provider: { foldersFromFilesStructure: true } },
      // The stack provisions its own datasources (uids `prometheus`, `alertmanager` ...), as on Docker.
      datasources: { enabled: true, ...sidecar("datasources"), defaultDatasourceEnabled: false, alertmanager: { enabled: false } },
      alerts: { enabled: c.rules.evaluator === "grafana", ...sidecar("alerts") },
    },
  };
}

export function kubePrometheusStackValues(c: StackConfig, inputs: KubePrometheusStackInputs): object {
  const { names } = inputs;
  const selectsRelease = { matchLabels: { [RELEASE_LABEL]: names.release } };
  return {
    fullnameOverride: names.release,
    // The stack's own TargetDown and Watchdog replace the chart's `general` group of the same names.
    defaultRules: { rules: { general: false } },
    alertmanager: {
      alertmanagerSpec: {
        useExistingSecret: true,
        configSecret: names.secrets.alertmanagerConfig,
        ...(inputs.alertmanagerSecretFiles && { secrets: [names.secrets.alertmanagerFiles] }),
      },
    },
    grafana: grafanaValues(c, names),
    prometheus: {
      prometheusSpec: {
        scrapeInterval: c.prometheus.scrapeInterval,
        evaluationInterval: c.rules.evaluationInterval,
        retention: c.prometheus.retention,
        enableFeatures: [EXEMPLAR_STORAGE_FLAG.replace(/^--enable-feature=/, "")],
        // Selected by the release label, which the chart's own rules and monitors carry too.
        ruleSelectorNilUsesHelmValues: false,
        ruleSelector: selectsRelease,
        serviceMonitorSelectorNilUsesHelmValues: false,
        serviceMonitorSelector: selectsRelease,
        podMonitorSelectorNilUsesHelmValues: false,
        podMonitorSelector: selectsRelease,
        ...(inputs.remoteWrite.length > 0 && { remoteWrite: inputs.remoteWrite }),
        storageSpec: storageSpec(c),
      },
    },
  };
}
