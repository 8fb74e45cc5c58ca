// Fastify plugin (structural types only: fastify is not loaded at runtime). Marked with
// `skip-override` so its hooks apply to the whole application without the fastify-plugin
// package. The start time rides on the request in a decorated slot, so recording allocates
// nothing per request. The route label is the matched route's template
// (`request.routeOptions.url`), or `unmatched` for the 404 handler.
import { type HttpObservability, recordHttpRequest, reportRecorderFailure } from "./recording.js";
import { UNMATCHED_ROUTE } from "./route-templates.js";

export interface FastifyRequestLike {
  method: string;
  routeOptions: { url?: string | undefined };
}

export interface FastifyReplyLike {
  statusCode: number;
}

type HookDone = (error?: Error) => void;
type Hook = (request: FastifyRequestLike, reply: FastifyReplyLike, done: HookDone) => void;

export interface FastifyInstanceLike {
  addHook(name: "onRequest" | "onResponse", hook: Hook): unknown;
  decorateRequest(name: symbol, value: number): unknown;
  hasRequestDecorator(name: symbol): boolean;
}

export type FastifyMetricsPlugin = (instance: FastifyInstanceLike, options: unknown, done: (error?: Error) => void) => void;

/** Fastify's own marker (what fastify-plugin sets): the plugin's hooks are not encapsulated. */
const SKIP_OVERRIDE = Symbol.for("skip-override");

const WHERE = "fastify plugin";
/** Marks a value as recorded (or never started), so a request is counted at most once. */
const NOT_TIMING = -1;

export function fastifyMetrics(obs: HttpObservability): FastifyMetricsPlugin {
  const startedAt = Symbol("observability.startedAt");
  type Timed = FastifyRequestLike & Record<symbol, number>;

  const onRequest: Hook = (request, _reply, done) => {
    try {
      (request as Timed)[startedAt] = performance.now();
    } catch (error) {
      reportRecorderFailure(obs.faults, WHERE, error);
    }
    done();
  };

  const onResponse: Hook = (request, reply, done) => {
    try {
      const timed = request as Timed;
      const started = timed[startedAt];
      if (typeof started === "number" && started >= 0) {
        timed[startedAt] = NOT_TIMING;
        recordHttpRequest(obs, WHERE, request.method, request.routeOptions.url ?? UNMATCHED_ROUTE, reply.statusCode, started);
      }
    } catch (error) {
      reportRecorderFailure(obs.faults, WHERE, error);
    }
    done();
  };

  const plugin: FastifyMetricsPlugin = (instance, _options, done) => {
    try {
      if (!instance.hasRequestDecorator(startedAt)) instance.decorateRequest(startedAt, NOT_TIMING);
      instance.addHook("onRequest", onRequest);
      instance.addHook("onResponse", onResponse);
      done();
    } catch (error) {
      // Registration happens at startup, where a clear error is more useful than silence.
      done(error instanceof Error ? error : new Error(String(error)));
    }
  };
  return Object.assign(plugin, { [SKIP_OVERRIDE]: true });
}
