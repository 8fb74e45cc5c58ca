// `npm start`: the Docker stack with `cdktf deploy` where a Docker engine answers and Terraform is
// installed, otherwise the local mode (real Prometheus and Alertmanager processes on 127.0.0.1,
// with the demo workload and a webhook receiver).
//
//   npm start               decide as above
//   npm start -- --local    the local mode even where Docker is available
//   npm start -- --fast     the local mode with the test profile: 1s scrapes, 5s `for`, demo at 10x
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { cdktfDeploy, dockerDeployUnavailable } from "./deploy.js";
import { ensureDebianPackages } from "./debian-packages.js";
import { defaultLocalProfile } from "./profile.js";
import { runLocal } from "./run-local.js";
import { testProfile } from "./test-profile.js";

const usage = `Usage: npm start [-- --local] [-- --fast]

  (no flag)   npx cdktf deploy where a Docker engine answers and Terraform is on PATH, else the local mode
  --local     the local mode even where Docker is available
  --fast      the local mode with the test profile (1s scrapes and evaluations, 5s \`for\`, 30s windows,
              demo at 10x speed): an alert fires within seconds of switching its scenario on
  -h, --help  this text`;

const root = fileURLToPath(new URL("..", import.meta.url));

async function main(): Promise<number> {
  let values: { local?: boolean; fast?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { local: { type: "boolean" }, fast: { type: "boolean" }, help: { type: "boolean", short: "h" } } }));
  } catch (error) {
    console.error(`npm start: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const forced = values.local || values.fast;
  const unavailable = forced ? (values.fast ? "--fast was given" : "--local was given") : dockerDeployUnavailable();
  if (unavailable === undefined) {
    console.log("A Docker engine answers and Terraform is installed: deploying the stack with npx cdktf deploy.");
    return cdktfDeploy(root);
  }
  try {
    ensureDebianPackages({ binaries: ["prometheus", "alertmanager"] }, (m) => console.log(m));
  } catch (error) {
    console.error(`npm start: ${(error as Error).message}`);
    return 1;
  }
  return runLocal({ root, profile: values.fast ? testProfile() : defaultLocalProfile, why: unavailable });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`npm start: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    process.exit(1);
  },
);
