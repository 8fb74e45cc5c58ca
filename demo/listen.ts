// Starting and stopping node:http servers the same way everywhere in the demo.
import type { Server } from "node:http";

/** Listens and resolves with the port actually bound (port 0 picks a free one). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      if (address !== null && typeof address === "object") resolve(address.port);
      else reject(new Error(`server on ${host}:${port} has no TCP address`));
    });
  });
}

/** Closes the server and drops its open connections (keep-alive ones would hold close() open). */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!server.listening) return resolve();
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

export function urlHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}
