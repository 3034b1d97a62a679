import { PiriodError } from "../root-errors.js";
import { CONTROL_PATH, type Controlled, controlAnswer } from "./control-api.js";
import { withCors } from "./cors.js";
import { type FakeServer, type HttpHandler, isLoopback, listenOn } from "./http-server.js";

/** How `fake.listen` serves the fake over HTTP. */
export interface FakeListenOptions {
  /** The port; default 0, a free one. */
  port?: number;
  /**
   * The address to bind. Default `127.0.0.1`: this machine only. `0.0.0.0` (or `::`) serves every
   * interface, for a client in a container next door.
   */
  host?: string;
  /**
   * Origins whose pages may call the fake from a browser (CORS), such as `http://localhost:5173`;
   * `"*"` for any. Default: any origin when `host` is a loopback address, none otherwise.
   */
  corsOrigins?: readonly string[];
  /**
   * A token the control API (`/__piriod-fake/…`) asks every call for, as `Authorization: Bearer
   * <token>`. Without one, the control API answers this machine's loopback only.
   */
  controlToken?: string;
}

/**
 * Serves `serve` (the fake's answer to a request, `undefined` for a dropped connection) over HTTP
 * as `options` say, with the control API at the server's root driving `fake`.
 */
export async function listenWith(
  options: number | FakeListenOptions | undefined,
  serve: HttpHandler,
  fake: Controlled,
  maxBodyBytes: number,
): Promise<FakeServer> {
  const { port = 0, host = "127.0.0.1", corsOrigins, controlToken } = checked(options);
  const served: HttpHandler = (request, peer) =>
    new URL(request.url).pathname.startsWith(CONTROL_PATH)
      ? controlAnswer(fake, request, peer, { token: controlToken, maxBodyBytes })
      : serve(request, peer);
  const origins = corsOrigins ?? (host === "localhost" || isLoopback(host) ? ["*"] : []);
  return listenOn({ port, host }, origins.length > 0 ? withCors(served, origins) : served);
}

function checked(options: number | FakeListenOptions | undefined): FakeListenOptions {
  // Anything but options is a port, which listenOn checks and names.
  if (options === undefined || options === null || typeof options !== "object") return { port: options as number };
  const fail = (rule: string) => new PiriodError(`listen: ${rule}`);
  const { host, corsOrigins, controlToken } = options;
  if (host !== undefined && (typeof host !== "string" || !/^[0-9A-Za-z.:-]+$/.test(host)))
    throw fail(`host must be an address or a name of this machine, such as 127.0.0.1 or 0.0.0.0, not ${String(host)}`);
  if (corsOrigins !== undefined) {
    if (!Array.isArray(corsOrigins))
      throw fail('corsOrigins must be a list of origins, such as ["http://localhost:5173"]');
    for (const origin of corsOrigins)
      if (origin !== "*" && originOf(origin) !== origin)
        throw fail(`corsOrigins: ${JSON.stringify(origin)} is not an origin such as http://localhost:5173, nor "*"`);
  }
  if (controlToken !== undefined && (typeof controlToken !== "string" || !/^[\x21-\x7e]+$/.test(controlToken)))
    throw fail("controlToken must be a non-empty string without spaces or control characters");
  return options;
}

function originOf(text: unknown): string | undefined {
  try {
    return new URL(String(text)).origin;
  } catch {
    return undefined;
  }
}
