import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runTypeScript } from "../helpers/client-scripts.ts";
import { docsSnippets, isVitestFile } from "../helpers/docs-code-samples.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";

const FIXTURES = path.join(REPO_ROOT, "test", "docs", "fixtures");
/** Long enough for every snippet on a busy machine; a snippet that never ends is stopped there. */
const GRACE_MS = 60_000;

// The vitest example is run by the package test, in a project where the package is installed.
const snippets = docsSnippets().filter((snippet) => !isVitestFile(snippet));

interface SnippetRun {
  id: string;
  /** What it threw, with its stack; absent when it ran to its end. */
  error?: string;
  /** Requests the fake received while it ran. */
  requests: number;
}

interface AllRuns {
  runs: Map<string, SnippetRun>;
  exit: { code: number | null; signal: NodeJS.Signals | null };
  /** What the snippets printed, stdout and stderr together. */
  output: string;
}

let started: Promise<AllRuns> | undefined;
/** Every snippet run, once, in one process (test/docs/fixtures/run-snippets.ts), as a reader would run it, against the fake. */
function allRuns(): Promise<AllRuns> {
  started ??= (async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "piriod-snippets-"));
    try {
      const manifest = path.join(folder, "manifest.json");
      const results = path.join(folder, "results.jsonl");
      const listed = snippets.map(({ id }) => ({ id, file: path.join(folder, `${id}.mts`) }));
      await Promise.all(snippets.map(({ id, source }) => writeFile(path.join(folder, `${id}.mts`), source)));
      await writeFile(manifest, JSON.stringify(listed));
      await writeFile(results, "");
      const { code, signal, lines } = await runTypeScript(path.join(FIXTURES, "run-snippets.ts"), [manifest, results], {
        graceMs: GRACE_MS,
        cwd: path.join(FIXTURES, "snippet-cwd"),
        env: {
          PIRIOD_API_KEY: "sk_test_docs_snippets",
          PIRIOD_WEBHOOK_SECRET: "whsecret_docs_snippets",
          NO_COLOR: "1",
        },
      });
      const ended = (await readFile(results, "utf8")).split("\n").filter(Boolean);
      const runs = new Map(ended.map((line) => JSON.parse(line) as SnippetRun).map((run) => [run.id, run]));
      return { runs, exit: { code, signal }, output: lines.join("\n") };
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  })();
  return started;
}

describe("the docs' snippets, run against the fake", { timeout: GRACE_MS + 30_000 }, () => {
  it("are found, the README's among them", () => {
    expect(snippets.filter(({ where }) => where.startsWith("README.md:")).length).toBeGreaterThanOrEqual(2);
  });

  it("end, and their process with them, once each has run", async () => {
    const { exit, output } = await allRuns();
    expect(exit, output).toEqual({ code: 0, signal: null });
  });

  describe.each(snippets.map((snippet) => [snippet.where, snippet] as const))(
    "the snippet at %s",
    (_where, snippet) => {
      it("runs to its end without throwing", async () => {
        const { runs, output } = await allRuns();
        const run = runs.get(snippet.id);
        expect(run, `it did not end; the snippets printed:\n${output}`).toBeDefined();
        expect(run?.error, `the snippets printed:\n${output}`).toBeUndefined();
      });

      // One that makes a fake of its own calls that one.
      if (/\bcreatePiriodClient\(/.test(snippet.source) && !snippet.source.includes('"@piriod/api/testing"')) {
        it("sends its calls to the fake", async () => {
          const { runs } = await allRuns();
          expect(runs.get(snippet.id)?.requests).toBeGreaterThan(0);
        });
      }
    },
  );
});
