// Port selection for the local mode: each component's usual port where it is free on 127.0.0.1,
// otherwise the next free one above it, so a second copy (or another program on 9090) only
// shifts the ports instead of failing. A preferred port of 0 takes any free port (tests).
import { createServer } from "node:net";

export const LOOPBACK = "127.0.0.1";

/** How far above the preferred port to look before giving up. */
const SEARCH_SPAN = 100;

/** Resolves with the port bound, or rejects with the bind error (EADDRINUSE, EACCES ...). */
function tryBind(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(port, LOOPBACK, () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : port;
      server.close(() => resolve(bound));
    });
  });
}

/** `preferred` if nothing listens there, else the first free port above it not in `avoid`. */
export async function freePortFrom(preferred: number, avoid: ReadonlySet<number> = new Set()): Promise<number> {
  if (preferred === 0) {
    for (;;) {
      const port = await tryBind(0);
      if (!avoid.has(port)) return port;
    }
  }
  for (let port = preferred; port < preferred + SEARCH_SPAN && port <= 65535; port++) {
    if (avoid.has(port)) continue;
    try {
      return await tryBind(port);
    } catch {
      // taken (or not ours to bind); try the next
    }
  }
  throw new Error(`no free port on ${LOOPBACK} from ${preferred} to ${Math.min(preferred + SEARCH_SPAN - 1, 65535)}`);
}

/** One free port per name, each its preferred one where free, no two the same. */
export async function selectPorts<K extends string>(preferred: Readonly<Record<K, number>>): Promise<Record<K, number>> {
  const chosen = {} as Record<K, number>;
  const taken = new Set<number>();
  for (const name of Object.keys(preferred) as K[]) {
    const port = await freePortFrom(preferred[name], taken);
    chosen[name] = port;
    taken.add(port);
  }
  return chosen;
}
