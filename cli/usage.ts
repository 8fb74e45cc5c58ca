// The --help texts.

export const mainUsage = `Usage: agent-observability <command> [options]

Commands:
  check <url>    check a running service's /metrics against the metric catalog
  catalog        print the metric catalog (--json for code generators in other languages)

Run agent-observability <command> --help for a command's options.
`;

export const checkUsage = `Usage: agent-observability check <url> [--namespace <ns>] [--domain <list>] [--config <file>] [--json]

Scrapes <url> as Prometheus does (OpenMetrics preferred, Prometheus text accepted) and reports,
family by family, what the catalog expects and the service lacks or gets wrong: a missing family,
a wrong type, a missing or extra label, a label value outside its closed set, a unit or suffix
that is not the base unit, a bucket bound an alert compares. Each problem comes with what to
change. Series a client library adds on its own (_created, process_*, python_*, go_* ...) and
families the catalog does not name are not failures.

  <url>              the metrics endpoint, e.g. http://127.0.0.1:9464/metrics; without a scheme
                     http:// is used, without a path /metrics (as Prometheus does)

Options:
  --namespace <ns>   the metric prefix the service uses (default: the config's, else agent)
  --domain <list>    comma-separated catalog domains the service implements, repeatable:
                     tools, llm, memory, approvals, runs, pipelines, a2a, cache, rateLimits,
                     http, grpc, semconv. Default: all of them but semconv (the OpenTelemetry
                     GenAI standard names, exposed by a service that opts in; name it to check
                     them). A domain's dashboards and alerts show no
                     data and stay quiet on a service that does not do it, which is right for
                     that service: name the domains it does, and each of those must match the
                     catalog completely. self is always checked: the dashboards find services
                     through <ns>_build_info.
  --config <file>    the stack config JSON (the file STACK_CONFIG takes): its rules.namespace
                     and rules.thresholds decide the namespace and the bucket bounds required
  --json             print the report as JSON (the same findings, for machines)
  --timeout <s>      seconds to wait for the endpoint (default 10)
  -h, --help         show this help

Exit codes:
  0  the dashboards and alerts will work on this service (warnings may be printed)
  1  something they rely on is missing or wrong; the report says what to change
  2  usage error, or the endpoint is unreachable, answers an HTTP error, or answers something
     that is not a parseable exposition (the message says which)
`;

export const catalogUsage = `Usage: agent-observability catalog [--json] [--namespace <ns>] [--config <file>]

Prints every metric of the catalog: full name, type, help, unit, labels (with their closed sets
of values or bounds) and histogram buckets.

Options:
  --json             JSON for code generators in other languages (its shape is documented in
                     the README, "Services in other languages"); default: a readable listing
  --namespace <ns>   the metric prefix (default: the config's, else agent)
  --config <file>    the stack config JSON; only rules.namespace is read from it
  -h, --help         show this help

Exit codes: 0, or 2 for a usage error.
`;
