import { afterAll, beforeAll, beforeEach } from "vitest";
import { defined } from "./defined.ts";
import { type FaultServer, startFaultServer } from "./http-fault-server.ts";

/** A fault server for the tests of one file: started before them, its record of requests emptied before each, closed after them. */
export function faultServerOfFile(): FaultServer {
  let started: FaultServer | undefined;
  const server = () => defined(started, "the file's fault server, started before its tests");
  beforeAll(async () => {
    started = await startFaultServer();
  });
  beforeEach(() => {
    server().received.length = 0;
  });
  afterAll(() => started?.close());
  return {
    get url() {
      return server().url;
    },
    get received() {
      return server().received;
    },
    answer: (...answers) => server().answer(...answers),
    close: () => server().close(),
  };
}
