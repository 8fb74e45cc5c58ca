export { metricsHandler, type MetricsHandler, type MetricsHandlerOptions, type MetricsSource } from "./metrics-handler.js";
export { HEALTH_PATH, startMetricsServer, type MetricsServer, type MetricsServerOptions } from "./metrics-server.js";
export { acceptsGzip, negotiateFormat, parseAccept, type MediaRange } from "./negotiate.js";
