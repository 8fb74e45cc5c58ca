// The URL a person on the Docker host opens for a published port.
import { isIPv6 } from "node:net";

/** `http://<bind>:<port>`; a wildcard bind address is opened as localhost. */
export function serviceUrl(bindAddress: string, port: number): string {
  if (bindAddress === "0.0.0.0" || bindAddress === "::") return `http://localhost:${port}`;
  return isIPv6(bindAddress) ? `http://[${bindAddress}]:${port}` : `http://${bindAddress}:${port}`;
}
