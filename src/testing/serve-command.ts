import { PiriodError } from "../root-errors.js";
import { type Flag, flagHelp, parseArguments } from "./command-line.js";
import { CONTROL_PATH } from "./control-api.js";
import type { FakeOptions, SeedOf } from "./fake.js";
import type { FakeServer } from "./http-server.js";
import type { FakeListenOptions } from "./listen.js";

const DEFAULT_PORT = 4010;
const DEFAULT_WORKSPACE = "acc_01H8XYZ123ABC";
const DEFAULT_MAX_REQUESTS = 1_000;
/** The fake's options that a catalogue file may not set. */
const NOT_CATALOGUES = new Set([
  "apiKey",
  "workspaces",
  "workspace",
  "examples",
  "baseUrl",
  "startWith",
  "maxBodyBytes",
  "maxRequests",
]);

const FLAGS: readonly Flag[] = [
  { names: ["-p", "--port"], value: "N", help: `the port (default ${DEFAULT_PORT}; 0 takes a free one)` },
  {
    names: ["--host"],
    value: "ADDRESS",
    help: "the address to bind (default 127.0.0.1: this machine only;\n0.0.0.0 for every interface, such as a container's)",
  },
  {
    names: ["--seed"],
    value: "FILE",
    help: 'start from the objects in FILE, the JSON fake.seed takes ({"customers": [...]}),\ninstead of the spec\'s examples; a reset goes back to them',
  },
  {
    names: ["--catalogue"],
    value: "FILE",
    help: 'the countries and states Piriod knows, as JSON ({"countries": [...], "states": [...]});\nan id of none of them is refused (default: any id)',
  },
  {
    names: ["--account-country"],
    value: "ID",
    help: "the account's own country (CL): its customers need a tax_id where it has tax\nregulation (with --catalogue)",
  },
  {
    names: ["--strict"],
    help: 'refuse what the spec refuses where Piriod is lenient ("13" for an integer,\nan unknown field)',
  },
  {
    names: ["--request-ids"],
    help: "send an x-request-id (req_…) with every answer (default: none, as Piriod's docs\ndocument none)",
  },
  {
    names: ["--api-key"],
    value: "KEY",
    help: 'accept only this API key (default: any "Token <key>"; another gets 401)',
  },
  {
    names: ["--workspace"],
    value: "ID",
    repeats: true,
    help: "accept only this workspace (repeatable; default: any; another gets 403);\nthe first is where seeds go",
  },
  {
    names: ["--cors-origin"],
    value: "ORIGIN",
    repeats: true,
    help: 'let pages of this origin call it from a browser (repeatable; "*" for any;\ndefault: any when bound to loopback, none otherwise)',
  },
  {
    names: ["--control-token"],
    value: "TOKEN",
    help: 'require "Authorization: Bearer TOKEN" on the control API; without it the\ncontrol API answers this machine only',
  },
  {
    names: ["--max-requests"],
    value: "N",
    help: `keep the newest N requests for ${CONTROL_PATH}requests (default ${DEFAULT_MAX_REQUESTS})`,
  },
  { names: ["-h", "--help"], help: "show this help" },
];

/** What the command line asks for, checked, or why it makes no sense. */
type Settings =
  | { help: true }
  | { error: string }
  | { fake: FakeOptions; listen: FakeListenOptions & { port: number; host: string }; seedFile?: string };

/** What serves the fake: `createPiriodFake` of the testing entry point, which the command is given. */
export type MakeFake = (options: FakeOptions) => { listen(options: FakeListenOptions): Promise<FakeServer> };

/**
 * The `piriod-fake` command (and `npm run mock` in the package's own repository): the fake over
 * HTTP, starting from the spec's example objects (or `--seed FILE`), until SIGINT or SIGTERM.
 * Returns the exit code for a command that ends at once (help, bad arguments, a port in use).
 */
export async function serveCommand(
  args: readonly string[],
  usage: string,
  createPiriodFake: MakeFake,
): Promise<number | undefined> {
  const help = helpText(usage);
  const settings = await settingsOf(args);
  if ("help" in settings) {
    console.log(help);
    return 0;
  }
  if ("error" in settings) {
    console.error(`piriod-fake: ${settings.error}\n\n${help}`);
    return 2;
  }

  const refuse = (error: unknown, where = "") => {
    if (!(error instanceof PiriodError)) throw error;
    console.error(`piriod-fake: ${where}${error.message}\n\n${help}`);
    return 2;
  };
  let fake: ReturnType<MakeFake>;
  try {
    fake = createPiriodFake(settings.fake);
  } catch (error) {
    return refuse(error, settings.seedFile === undefined ? "" : `--seed ${settings.seedFile}: `);
  }
  let server: FakeServer;
  const { port, host } = settings.listen;
  try {
    server = await fake.listen(settings.listen);
  } catch (error) {
    if (error instanceof PiriodError) return refuse(error);
    const inUse = (error as { code?: string }).code === "EADDRINUSE";
    console.error(
      inUse
        ? `piriod-fake: port ${port} is already in use on ${host}; choose another with --port N`
        : `piriod-fake: could not start on ${host} port ${port}: ${(error as Error).message}`,
    );
    return 1;
  }
  const stop = (signal: string) => {
    console.log(`\n${signal}: stopping the fake…`);
    server.close().then(
      () => {
        console.log("Stopped.");
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`piriod-fake: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
  // Printed once the handlers are in place: a Ctrl-C sent as soon as the URL shows must stop the fake, not kill it.
  console.log(howToUse(server.url, settings, firstCustomerOf(settings)));
  return undefined;
}

async function settingsOf(args: readonly string[]): Promise<Settings> {
  const parsed = parseArguments(args, FLAGS);
  if ("error" in parsed) return parsed;
  const { values } = parsed;
  if (values.help) return { help: true };
  const port = wholeNumber(values.port?.[0], DEFAULT_PORT, 0, 65_535);
  if (port === undefined)
    return { error: `the port must be a whole number from 0 to 65535, not "${values.port?.[0]}"` };
  const maxRequests = wholeNumber(values["max-requests"]?.[0], DEFAULT_MAX_REQUESTS, 1, Number.MAX_SAFE_INTEGER);
  if (maxRequests === undefined)
    return { error: `--max-requests must be a whole number, 1 or more, not "${values["max-requests"]?.[0]}"` };
  const seedFile = values.seed?.[0];
  let startWith: SeedOf<Record<string, unknown>> | undefined;
  if (seedFile !== undefined) {
    const read = await readJsonObject(
      "--seed",
      seedFile,
      'an object of lists by resource, such as {"customers": [...]}',
    );
    if ("error" in read) return read;
    startWith = read.value as SeedOf<Record<string, unknown>>;
  }
  const catalogueFile = values.catalogue?.[0];
  let catalogues: object = {};
  if (catalogueFile !== undefined) {
    const read = await readJsonObject("--catalogue", catalogueFile, 'an object of lists, such as {"countries": [...]}');
    if ("error" in read) return read;
    // A catalogue is a list; the file names nothing else of the fake's options (its key, say).
    const other = Object.entries(read.value).find(([key, value]) => !Array.isArray(value) || NOT_CATALOGUES.has(key));
    if (other !== undefined)
      return {
        error: `--catalogue ${catalogueFile}: ${JSON.stringify(other[0])} is no list of a catalogue, such as "countries"`,
      };
    catalogues = read.value;
  }
  const workspaces = values.workspace;
  return {
    fake: {
      ...(values["api-key"] ? { apiKey: values["api-key"][0] } : {}),
      ...(workspaces ? { workspaces, workspace: workspaces[0] } : {}),
      ...catalogues,
      ...(values["account-country"] ? { accountCountry: values["account-country"][0] } : {}),
      ...(values.strict ? { strict: true } : {}),
      ...(values["request-ids"] ? { requestIds: true } : {}),
      examples: startWith === undefined,
      ...(startWith ? { startWith } : {}),
      maxRequests,
    },
    listen: {
      port,
      host: values.host?.[0] ?? "127.0.0.1",
      ...(values["cors-origin"] ? { corsOrigins: values["cors-origin"] } : {}),
      ...(values["control-token"] ? { controlToken: values["control-token"][0] } : {}),
    },
    ...(seedFile === undefined ? {} : { seedFile }),
  };
}

function wholeNumber(text: string | undefined, fallback: number, least: number, most: number): number | undefined {
  if (text === undefined) return fallback;
  const value = Number(text);
  return /^\d+$/.test(text) && value >= least && value <= most ? value : undefined;
}

/** The JSON object in `file`, which `flag` names, or why there is none. */
async function readJsonObject(
  flag: string,
  file: string,
  what: string,
): Promise<{ value: object } | { error: string }> {
  const fs = process.getBuiltinModule("node:fs/promises") as typeof import("node:fs/promises");
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    return { error: `${flag} ${file}: ${(error as Error).message}` };
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (value === null || typeof value !== "object" || Array.isArray(value))
      return { error: `${flag} ${file}: the file must hold ${what}` };
    return { value };
  } catch (error) {
    return { error: `${flag} ${file}: not JSON: ${(error as Error).message}` };
  }
}

/** The id of a customer the fake starts with, for the printed examples. */
function firstCustomerOf(settings: Extract<Settings, { fake: unknown }>): string | undefined {
  if (settings.fake.examples) return "cus_01H8XYZ123ABC";
  const [customer] = (settings.fake.startWith?.customers ?? []) as { id?: unknown }[];
  return typeof customer?.id === "string" ? customer.id : undefined;
}

function helpText(usage: string): string {
  const url = `http://127.0.0.1:${DEFAULT_PORT}`;
  return `Usage: ${usage}

Serves a fake Piriod API over HTTP: every operation of the spec, in memory, starting from the
spec's example objects, with Piriod's headers, answers and field errors. Ctrl-C stops it.

Options:
${flagHelp(FLAGS)}

Control API, at the server's root (answered on loopback, or anywhere with the control token):
  curl -X POST ${url}${CONTROL_PATH}seed -H 'Content-Type: application/json' \\
    -H 'x-simple-workspace: ${DEFAULT_WORKSPACE}' -d '{"customers": [{"name": "Andes SpA", "address": "Av. Providencia 1234", "country": "CL", "state": 13}]}'
  curl -X POST ${url}${CONTROL_PATH}fail-next -H 'Content-Type: application/json' \\
    -d '{"operation": "customers.list", "status": 503}'
  curl -X POST ${url}${CONTROL_PATH}reset
  curl ${url}${CONTROL_PATH}requests
  curl -X POST ${url}${CONTROL_PATH}webhooks -H 'Content-Type: application/json' \\
    -d '{"url": "http://127.0.0.1:3000/webhooks", "secret": "whsecret_test"}'
  curl -X POST ${url}${CONTROL_PATH}webhooks/send -H 'Content-Type: application/json' \\
    -d '{"event": "payment.created", "object_id": "pay_123"}'
  curl ${url}${CONTROL_PATH}webhooks/deliveries
  curl -X POST ${url}${CONTROL_PATH}webhooks/enable -H 'Content-Type: application/json' -d '{"id": 1}'

seed stores objects as fake.seed does, in the workspace and mode that x-simple-workspace and
x-piriod-test-mode name (seed?onDelete=archive or refuse: what a delete of them does); fail-next
queues a fault for the next call of an operation ({ status, body, headers }, { delay } in
milliseconds, or { drop: true }); reset goes back to the objects it started from; requests lists
what it received, oldest first, the key redacted. webhooks registers your endpoint's URL with its
secret (and "events", to take only those), answered with its id; webhooks/send delivers an event,
signed, to every enabled webhook that takes it and answers the deliveries; webhooks/deliveries
lists them all; webhooks/enable enables again a webhook that three deliveries failing with the
same status disabled.`;
}

function howToUse(url: string, settings: Extract<Settings, { fake: unknown }>, customer: string | undefined): string {
  const apiKey = settings.fake.apiKey ?? "sk_test_fake";
  const workspace = settings.fake.workspace ?? DEFAULT_WORKSPACE;
  const headers = `-H 'Authorization: Token ${apiKey}' -H 'x-simple-workspace: ${workspace}'`;
  const body = JSON.stringify({
    name: "Comercializadora Andes SpA",
    address: "Av. Providencia 1234, of. 501",
    country: "CL",
    state: 13,
    email: "pagos@andes.cl",
  });
  const where = settings.listen.host === "127.0.0.1" ? "" : ` (bound to ${settings.listen.host})`;
  // The control token is not printed: output ends up in logs that others read.
  const token = settings.listen.controlToken === undefined ? "" : ` -H "Authorization: Bearer <your --control-token>"`;
  const examples = customer
    ? `Or try it with curl, reading a customer:
  curl ${url}/customers/${customer}/ \\
    ${headers}

updating it:
  curl -X PATCH ${url}/customers/${customer}/ \\
    ${headers} \\
    -H 'Content-Type: application/json' -d '${body}'

and listing customers:`
    : "Or try it with curl, listing customers:";
  return `Fake Piriod API listening on ${url}${where}

Point a client at it:
  import { createPiriodClient } from "@piriod/api";
  const piriod = createPiriodClient({ apiKey: "${apiKey}", workspace: "${workspace}", baseUrl: "${url}" });

${examples}
  curl '${url}/customers/?page_size=10' \\
    ${headers}

Drive it from a test in another process with the control API:
  curl -X POST ${url}${CONTROL_PATH}reset${token}

It keeps what you create, update and delete until it stops, apart per workspace and per
x-piriod-test-mode, and refuses a bad body with Piriod's field errors. Ctrl-C stops it.`;
}
