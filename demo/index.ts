// The demo agent workload's public face.
export { startDemo, DEMO_VERSION, type Demo } from "./workload.js";
export { DEFAULT_METRICS_PORT, resolveDemoOptions, type DemoOptions, type ResolvedDemoOptions } from "./options.js";
export { defaultDemoProfile, type DemoProfile } from "./profile.js";
export { demoProfile, type DemoProfileInput } from "./profile-overrides.js";
export { scenarioNames, isScenarioName, type ScenarioName } from "./scenarios.js";
export { SCENARIOS_PATH } from "./control-api.js";
export { METRICS_PATH } from "./metrics-endpoint.js";
export { apiRoutes } from "./services/http-api.js";
export { GRPC_SERVICE } from "./services/grpc-definition.js";
export { demoSignals, type DemoSignals } from "./signals.js";
