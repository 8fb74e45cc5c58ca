import { benchToolCall } from "./tool-call.js";
const r = await benchToolCall(); console.log(Object.entries(r).map(([k, v]) => `${k} ${v.toFixed(1)}`).join("  "), "ratio", (r.ours / r["prom-client"]).toFixed(3), "otel", (r.ours / r.otel).toFixed(3));
