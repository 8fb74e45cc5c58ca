// A small Alertmanager webhook receiver: every receiver of the local config posts to
// /<receiver name> here. Each notification is kept (the tests read them) and handed to a callback
// (`npm start` prints it). Anything but a JSON POST is answered 400/405 and not kept.
import { createServer, type Server, type ServerResponse } from "node:http";
import { readBody } from "../demo/http-body.js";
import { LOOPBACK } from "./ports.js";

export type AlertStatus = "firing" | "resolved";

/** One alert of a notification, as Alertmanager's webhook (payload version 4) sends it. */
export interface NotifiedAlert {
  readonly status: AlertStatus;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly fingerprint: string;
}

export interface Notification {
  /** The path it was posted to, without the slash: the receiver's name in the local config. */
  readonly path: string;
  /** Alertmanager's receiver name, from the payload. */
  readonly receiver: string;
  readonly status: AlertStatus;
  readonly groupLabels: Readonly<Record<string, string>>;
  readonly alerts: readonly NotifiedAlert[];
  /** When it arrived here (ms since the epoch). */
  readonly receivedAt: number;
}

export interface WebhookReceiver {
  /** e.g. `http://127.0.0.1:5001`. */
  readonly url: string;
  readonly port: number;
  /** Every notification received so far, oldest first. */
  readonly notifications: readonly Notification[];
  close(): Promise<void>;
}

const MAX_BODY = 4 * 1024 * 1024;

function parseNotification(path: string, text: string): Notification {
  const body = JSON.parse(text) as Partial<Omit<Notification, "path" | "receivedAt">>;
  if (!Array.isArray(body.alerts)) throw new Error("no alerts list: not an Alertmanager webhook payload");
  return {
    path,
    receiver: String(body.receiver ?? ""),
    status: body.status === "resolved" ? "resolved" : "firing",
    groupLabels: body.groupLabels ?? {},
    alerts: body.alerts.map((a) => ({
      status: a.status === "resolved" ? "resolved" : "firing",
      labels: a.labels ?? {},
      annotations: a.annotations ?? {},
      startsAt: String(a.startsAt ?? ""),
      endsAt: String(a.endsAt ?? ""),
      fingerprint: String(a.fingerprint ?? ""),
    })),
    receivedAt: Date.now(),
  };
}

function reply(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  res.end(`${text}\n`);
}

export async function startWebhookReceiver(options: { port: number; onNotification?: (n: Notification) => void }): Promise<WebhookReceiver> {
  const notifications: Notification[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!.replace(/^\/+/, "");
    if (req.method !== "POST") return reply(res, 405, "POST an Alertmanager webhook payload");
    readBody(req, MAX_BODY).then(
      (text) => {
        let notification: Notification;
        try {
          notification = parseNotification(path, text);
        } catch (error) {
          return reply(res, 400, (error as Error).message);
        }
        notifications.push(notification);
        reply(res, 200, "ok");
        options.onNotification?.(notification);
      },
      () => reply(res, 400, "unreadable body"),
    );
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, LOOPBACK, () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : options.port);
    });
  });
  return {
    url: `http://${LOOPBACK}:${port}`,
    port,
    notifications,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
