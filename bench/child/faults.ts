/**
 * In a fresh process, through the package as a consumer imports it (the Node entry, or with
 * `--conditions=deno` the fetch entry): how long each fault of a hostile server or a careless
 * caller takes to become its PiriodError, in ms, against servers this process starts on 127.0.0.1;
 * or, given `memory`, the largest resident memory while reading a body that never ends under the
 * default maxResponseBytes. Prints JSON.
 */
import { createServer, type Socket } from "node:net";
import { childInput } from "./input.ts";
import { API_KEY, type Client, clientMethod, importPackage, WORKSPACE } from "./senders.ts";

const { rounds, memory } = childInput<{ rounds: number; memory?: boolean }>();
const { createPiriodClient } = await importPackage();

const retrieve = (client: Client) => clientMethod(client, "customers", "retrieve")("cus_1");
const update = (client: Client, customer: unknown) => clientMethod(client, "customers", "update")("cus_1", customer);

/** A server that answers each request's head with `answer`'s bytes. */
async function server(answer: (socket: Socket) => void): Promise<{ url: string; close(): void }> {
  const listening = createServer((socket) => {
    socket.on("error", () => {});
    socket.on("data", () => answer(socket));
  });
  await new Promise<void>((resolve) => listening.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(listening.address() as { port: number }).port}`, close: () => listening.close() };
}

const endless = (socket: Socket) => {
  const frame = Buffer.concat([Buffer.from(`10000\r\n`), Buffer.alloc(0x10000, "x"), Buffer.from("\r\n")]);
  socket.write("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n");
  const pump = () => {
    while (!socket.destroyed && socket.write(frame));
  };
  socket.on("drain", pump);
  pump();
};
const raw = (text: string) => (socket: Socket) => socket.write(text);
const body = { name: "Andes SpA", address: "Av. Providencia 1234", country: "CL", state: 13 };

const FAULTS: Record<string, { answer?: (socket: Socket) => void; call: (client: Client) => Promise<unknown> }> = {
  "a body that never ends (default maxResponseBytes, 16 MiB)": {
    answer: endless,
    call: retrieve,
  },
  "a Content-Length over maxResponseBytes": {
    answer: raw("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 99999999999\r\n\r\n{"),
    call: retrieve,
  },
  "a 101 Switching Protocols nobody asked for": {
    answer: raw("HTTP/1.1 101 Switching Protocols\r\nconnection: upgrade\r\nupgrade: websocket\r\n\r\n"),
    call: retrieve,
  },
  "a status line that is not HTTP": {
    answer: raw("HTTZ/1.1 2000 OK\r\n\r\n"),
    call: retrieve,
  },
  "a 303 to a PATCH": {
    answer: raw("HTTP/1.1 303 See Other\r\nlocation: /elsewhere/\r\ncontent-length: 0\r\n\r\n"),
    call: (client) => update(client, body),
  },
  "a framing header on a raw call": {
    call: (client) =>
      (client.raw as unknown as { GET(path: string, init: object): Promise<unknown> }).GET("/customers/{id}/", {
        params: { path: { id: "cus_1" } },
        headers: { "content-length": "5" },
      }),
  },
  "a body that cannot be written as JSON": {
    call: (client) => update(client, Object.assign({}, body, { metadata: { total: 10n } })),
  },
};

if (memory) {
  const target = await server(endless);
  const client = createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, baseUrl: target.url, maxRetries: 0 });
  const error = await retrieve(client).then(
    () => undefined,
    (reason: Error) => reason.name,
  );
  target.close();
  console.log(JSON.stringify({ error, maxRssMB: (process.resourceUsage().maxRSS * 1024) / 2 ** 20 }));
} else {
  const times: Record<string, number[]> = {};
  const errors: Record<string, string> = {};
  for (const [fault, { answer, call }] of Object.entries(FAULTS)) {
    const target = answer ? await server(answer) : { url: "http://127.0.0.1:9", close: () => {} };
    const client = createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, baseUrl: target.url });
    const faultTimes: number[] = [];
    times[fault] = faultTimes;
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      errors[fault] = await call(client).then(
        () => "none",
        (reason: Error) => reason.name,
      );
      faultTimes.push(performance.now() - started);
    }
    target.close();
  }
  console.log(JSON.stringify({ times, errors }));
}
