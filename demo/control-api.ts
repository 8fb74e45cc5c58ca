// Switching scenarios over HTTP, served on the metrics port next to /metrics:
//
//   GET  /scenarios                 200 {"tool-error-spike": false, ...}: every scenario's state
//   GET  /scenarios/<name>          200 {"<name>": true|false}
//   PUT  /scenarios/<name>          body `on` or `off` (also true/false); 200 with every state
//   POST /scenarios/<name>/on       200 with every state
//   POST /scenarios/<name>/off      200 with every state
//
// An unknown scenario is refused with 404 {"error": ..., "known": [names]}; a body other than
// on/off with 400; another method with 405.
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody } from "./http-body.js";
import { type Scenarios, isScenarioName, scenarioNames, unknownScenario } from "./scenarios.js";

export const SCENARIOS_PATH = "/scenarios";
const MAX_BODY = 64;

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

function switchValue(text: string): boolean | undefined {
  const value = text.trim().toLowerCase().replace(/^"(.*)"$/, "$1");
  if (value === "on" || value === "true") return true;
  if (value === "off" || value === "false") return false;
  return undefined;
}

/** Handles `path` if it is under /scenarios; false otherwise. */
export function handleScenarioControl(scenarios: Scenarios, req: IncomingMessage, res: ServerResponse, path: string): boolean {
  if (path !== SCENARIOS_PATH && !path.startsWith(`${SCENARIOS_PATH}/`)) return false;
  const [name, action, ...rest] = path.slice(SCENARIOS_PATH.length + 1).split("/");
  const method = req.method ?? "GET";

  if (path === SCENARIOS_PATH || path === `${SCENARIOS_PATH}/`) {
    if (method !== "GET" && method !== "HEAD") json(res, 405, { error: `${method} not allowed on ${SCENARIOS_PATH}` }, { Allow: "GET, HEAD" });
    else json(res, 200, scenarios.states());
    return true;
  }
  if (!isScenarioName(name)) {
    json(res, 404, { error: unknownScenario(decodeURIComponent(name ?? "")), known: scenarioNames });
    return true;
  }
  if (action !== undefined || rest.length > 0) {
    const on = switchValue(action ?? "");
    if (method !== "POST") json(res, 405, { error: `${method} not allowed; POST ${SCENARIOS_PATH}/${name}/on|off` }, { Allow: "POST" });
    else if (on === undefined || rest.length > 0) json(res, 404, { error: `no route ${path}; use ${SCENARIOS_PATH}/${name}/on or /off` });
    else {
      scenarios.set(name, on);
      json(res, 200, scenarios.states());
    }
    return true;
  }
  if (method === "GET" || method === "HEAD") {
    json(res, 200, { [name]: scenarios.isOn(name) });
    return true;
  }
  if (method !== "PUT") {
    json(res, 405, { error: `${method} not allowed on ${path}` }, { Allow: "GET, HEAD, PUT" });
    return true;
  }
  readBody(req, MAX_BODY).then(
    (text) => {
      const on = switchValue(text);
      if (on === undefined) return json(res, 400, { error: `body ${JSON.stringify(text.slice(0, 20))} must be on or off` });
      scenarios.set(name, on);
      json(res, 200, scenarios.states());
    },
    () => json(res, 400, { error: `body must be on or off (at most ${MAX_BODY} bytes)` }),
  );
  return true;
}
