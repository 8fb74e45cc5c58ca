export { toolAlerts, anomalyHistorySteps } from "./tools.js";
export { domainAlerts } from "./domains.js";
export { budgetAlerts } from "./budget.js";
export { platformAlerts } from "./platform.js";
export { llmAlerts } from "./llm.js";
export { mcpAlerts } from "./mcp.js";
export { errorRatioAlert, latencyAlert, rateAlert } from "./shapes.js";
