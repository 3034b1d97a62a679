import { StartedProcess } from "./process.ts";

/** The fake Piriod over HTTP (consumer/serve-fake.mjs), in a process of its own. */
export interface FakeServerProcess {
  url: string;
  /** Stops it by its PID and resolves to what it received, `operation status` oldest first. */
  stop(): Promise<string[]>;
}

/** Starts the fake on 127.0.0.1 and a free port, run by this process's Node from the consumer project. */
export async function startFakeServer(consumer: string): Promise<FakeServerProcess> {
  const server = new StartedProcess(process.execPath, ["serve-fake.mjs"], consumer);
  try {
    const [started] = await server.waitFor(/^\{"url":.*\}$/m, "the fake over HTTP's URL");
    const { url } = JSON.parse(started) as { url: string };
    return {
      url,
      stop: async () => {
        await server.stop();
        const [received] = await server.waitFor(/^\{"received":.*\}$/m, "what the fake over HTTP received");
        return (JSON.parse(received) as { received: string[] }).received;
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
