// The CLI's only imports from rules/: the resolved thresholds and which histogram bucket bounds
// the alerts compare exactly. Kept in this one file so they can move to a shared contract layer.
export { resolveRulesConfig, type RulesConfig, type RulesConfigInput } from "../rules/config.js";
export { bucketThresholds } from "../rules/validate.js";
