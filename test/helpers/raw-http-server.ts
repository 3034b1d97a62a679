import { createServer, type Socket } from "node:net";

export interface RawHttpServer {
  url: string;
  /** The request lines received (`PATCH /customers/cus_1/ HTTP/1.1`), one per request. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A TCP server on 127.0.0.1 that answers each request's head with whatever bytes `answer` writes:
 * what no HTTP server library would send (a protocol switch nobody asked for, a status line that
 * is not HTTP, an endless body).
 */
export async function startRawHttpServer(
  answer: (socket: Socket, requestLine: string) => void,
): Promise<RawHttpServer> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    let head = "";
    socket.on("data", (chunk: Buffer) => {
      head += chunk.toString("latin1");
      // Bodies are small and sent with the head here; a new request line after a blank line is the next request.
      while (head.includes("\r\n\r\n")) {
        const line = head.slice(0, head.indexOf("\r\n"));
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        const end = head.indexOf("\r\n\r\n") + 4 + length;
        if (head.length < end) return;
        head = head.slice(end);
        requests.push(line);
        answer(socket, line);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Writes a body that never ends, a chunk at a time as the socket drains, until the client goes away. */
export function endlessBody(
  socket: Socket,
  head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n",
): void {
  const chunk = Buffer.alloc(64 * 1024, "x");
  const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]);
  socket.write(head);
  const pump = () => {
    while (!socket.destroyed && socket.write(frame));
  };
  socket.on("drain", pump);
  pump();
}
