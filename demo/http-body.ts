// Reading a small request body as text, refusing one past a size limit.
import type { IncomingMessage } from "node:http";

export function readBody(req: IncomingMessage, maxLength: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      text += chunk;
      if (text.length > maxLength) req.destroy(new Error("body too large"));
    });
    req.on("end", () => resolve(text));
    req.on("error", reject);
  });
}
