// Starts a node:http server on 127.0.0.1 with a free port and returns its base URL and closer.
import { type RequestListener, type Server, createServer } from "node:http";

export interface Running {
  server: Server;
  base: string;
  close(): Promise<void>;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

export function listen(handlerOrServer: RequestListener | Server): Promise<Running> {
  const server = typeof handlerOrServer === "function" ? createServer(handlerOrServer) : handlerOrServer;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (address === null || typeof address !== "object") return reject(new Error("no address"));
      resolve({ server, base: `http://127.0.0.1:${address.port}`, close: () => closeServer(server) });
    });
  });
}
