// What the CLI reads of the stack: the shared config (namespace, thresholds, windows) and which
// histogram bucket bounds the alerts compare exactly. All of it is in contract/.
export { resolveSharedConfig, type SharedConfig, type SharedConfigInput } from "../contract/shared.js";
export { bucketThresholds } from "../contract/thresholds.js";
