/**
 * The benchmark server: answers every request with the call's example response, as Piriod would,
 * once the request's body has arrived. It runs in a process of its own so that it shares no event
 * loop with the clients measured; prints `{ "port": … }` once listening. Given a `site` directory,
 * it also serves that directory's page and scripts, so that a browser's page and the API it
 * calls share one origin (no CORS preflight to measure).
 */
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { childInput } from "./input.ts";

const { response, site } = childInput<{ response: unknown; site?: string }>();
const payload = Buffer.from(JSON.stringify(response));
const headers = { "content-type": "application/json", "content-length": String(payload.length) };

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8" };
/** The site's files by URL path, `/` for its index.html. */
const files = new Map<string, { type: string; bytes: Buffer }>();
if (site) {
  for (const name of readdirSync(site)) {
    const type = TYPES[path.extname(name)];
    if (type) files.set(name === "index.html" ? "/" : `/${name}`, { type, bytes: readFileSync(path.join(site, name)) });
  }
}

const server = createServer((request, reply) => {
  // A server's request always has its URL: only a client's response lacks one.
  const file = request.method === "GET" && request.url !== undefined ? files.get(request.url) : undefined;
  if (file) {
    reply.writeHead(200, { "content-type": file.type, "content-length": String(file.bytes.length) }).end(file.bytes);
    return;
  }
  request.resume();
  request.on("end", () => reply.writeHead(200, headers).end(payload));
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: (server.address() as { port: number }).port })));
