/**
 * What the docs' "Try it" consoles weigh: the rendered page with and without them, and the console
 * module the page carries as text (the package's browser entry, its fake, the console's code and
 * its model), by what it holds. Sizes are exact: no rounds.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { buildDocs } from "../scripts/build-docs.ts";
import { consoleModelOf, consoleParts } from "../scripts/lib/docs-console.ts";
import { type Benchmark, formatNumber } from "./lib/report.ts";

const REPO = fileURLToPath(new URL("..", import.meta.url));

/** What a module's input is, by where it comes from. */
function holding(input: string): string {
  if (input.includes("node_modules/"))
    return `dependency ${input.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, "$1")}`;
  if (input.startsWith("dist/generated/"))
    return "the package's generated modules (validators, operation table, fake model)";
  if (input.startsWith("dist/src/")) return "the package's client and fake (dist/src/)";
  if (input.includes("docs-console/")) return "the console's code (docs-console/)";
  return "the model, read from the spec (the entry)";
}

const gzip = (text: string) => gzipSync(text, { level: 9 }).length;
const bytes = (text: string) => Buffer.byteLength(text);
const kilobytes = (count: number) => formatNumber(count / 1000, 1);

export const benchConsole: Benchmark = async () => {
  const scratch = await mkdtemp(path.join(tmpdir(), "piriod-bench-console-"));
  try {
    const pages = { without: path.join(scratch, "without.html"), with: path.join(scratch, "with.html") };
    await buildDocs({ root: REPO, output: pages.without, consoles: false });
    await buildDocs({ root: REPO, output: pages.with });
    const [without, withConsoles] = await Promise.all([readFile(pages.without, "utf8"), readFile(pages.with, "utf8")]);
    const spec = await readFile(path.join(REPO, "generated", "openapi.json"), "utf8");
    const parts = await consoleParts(REPO, await consoleModelOf(REPO, spec));

    const pageRow = (name: string, text: string) => [name, kilobytes(bytes(text)), kilobytes(gzip(text))];
    const added = (measure: (text: string) => number) => measure(withConsoles) - measure(without);
    const groups = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(parts.inputs))
      groups.set(holding(input), (groups.get(holding(input)) ?? 0) + bytesInOutput);
    const moduleBytes = bytes(parts.module);
    return {
      title: "The docs' consoles",
      intro:
        "The rendered docs (`npm run docs`, one self-contained page) with and without the Try it consoles, and what the consoles add: " +
        "the console module, held in the page as text and started from a `blob:` URL on a reader's first click, its loader and its style. " +
        "Minified by esbuild; gzip -9 is what a server sends compressed at best.",
      tables: [
        {
          headers: ["page", "bytes (kB)", "gzip -9 (kB)"],
          rows: [
            pageRow("site/index.html without the consoles", without),
            pageRow("site/index.html with the consoles", withConsoles),
            [
              "added by the consoles",
              `${kilobytes(added(bytes))} (+${formatNumber((100 * added(bytes)) / bytes(without), 1)}%)`,
              `${kilobytes(added(gzip))} (+${formatNumber((100 * added(gzip)) / gzip(without), 1)}%)`,
            ],
          ],
        },
        {
          caption: "What the consoles add:",
          headers: ["part", "minified (kB)", "gzip -9 (kB)"],
          rows: [
            [
              "the console module (parsed only on a reader's first click)",
              kilobytes(moduleBytes),
              kilobytes(gzip(parts.module)),
            ],
            ["its loader (runs with the page)", kilobytes(bytes(parts.loader)), kilobytes(gzip(parts.loader))],
            ["its style", kilobytes(bytes(parts.style)), kilobytes(gzip(parts.style))],
          ],
        },
        {
          caption: "The console module, by what it holds:",
          headers: ["holds", "minified (kB)", "share"],
          rows: [...groups]
            .sort(([, a], [, b]) => b - a)
            .map(([name, count]) => [name, kilobytes(count), `${formatNumber((100 * count) / moduleBytes, 0)}%`]),
        },
      ],
      notes: [
        "The rest of what the page adds is the Try it controls in each operation's description, which Redoc renders and also keeps in its state.",
      ],
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
};
