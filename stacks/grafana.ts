// The Grafana container: datasource, dashboard (and, with the Grafana evaluator, alerting)
// provisioning plus every dashboard JSON uploaded under /etc/grafana; the admin password comes from
// a sensitive Terraform variable; anonymous access is off unless asked for.
import { Construct } from "constructs";
import { componentSpecs } from "./components.js";
import { ServiceContainer, serviceProps, type ServiceProps } from "./service-container.js";
import { literal } from "./terraform-template.js";

export interface GrafanaProps extends ServiceProps {
  /** provisioning/** and dashboards/*.json: paths relative to /etc/grafana. */
  readonly files: Readonly<Record<string, string>>;
  /** Default admin. */
  readonly adminUser?: string;
  /** A Terraform expression such as `${var.grafana_admin_password}`, never a literal. */
  readonly adminPassword: string;
  /** Default false. */
  readonly anonymousAccess?: boolean;
  /** The URL people open; links Grafana renders start with it. */
  readonly rootUrl: string;
}

export class Grafana extends Construct {
  readonly service: ServiceContainer;

  constructor(scope: Construct, id: string, props: GrafanaProps) {
    super(scope, id);
    this.service = new ServiceContainer(this, "service", {
      ...serviceProps(props),
      component: "grafana",
      files: props.files,
      env: [
        `GF_PATHS_PROVISIONING=${componentSpecs.grafana.configDir}/provisioning`,
        `GF_SECURITY_ADMIN_USER=${literal(props.adminUser ?? "admin")}`,
        // Applied when Grafana creates its database (first start); change it in Grafana afterwards.
        `GF_SECURITY_ADMIN_PASSWORD=${props.adminPassword}`,
        `GF_AUTH_ANONYMOUS_ENABLED=${String(props.anonymousAccess ?? false)}`,
        "GF_USERS_ALLOW_SIGN_UP=false",
        `GF_SERVER_ROOT_URL=${literal(props.rootUrl)}`,
        "GF_ANALYTICS_REPORTING_ENABLED=false",
        "GF_ANALYTICS_CHECK_FOR_UPDATES=false",
      ],
    });
  }
}
