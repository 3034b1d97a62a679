/**
 * The benchmark server: answers every request with the call's example response, as Piriod would,
 * once the request's body has arrived. It runs in a process of its own so that it shares no event
 * loop with the clients measured; prints `{ "port": … }` once listening.
 */
import { createServer } from "node:http";

const { response } = JSON.parse(process.argv[2]!) as { response: unknown };
const payload = Buffer.from(JSON.stringify(response));
const headers = { "content-type": "application/json", "content-length": String(payload.length) };

const server = createServer((request, reply) => {
  request.resume();
  request.on("end", () => reply.writeHead(200, headers).end(payload));
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: (server.address() as { port: number }).port })));
