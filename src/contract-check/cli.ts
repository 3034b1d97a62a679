#!/usr/bin/env node
// `piriod-contract-check --base-url URL --workspace ID [--json] [--allow FILE]`: the package's bin that
// runs one scenario against Piriod (its test mode) and says where Piriod, the spec and the fake disagree.
import { readFile } from "node:fs/promises";
import { type Flag, flagHelp, parseArguments } from "../testing/command-line.js";
import { jsonReport, textReport } from "./report.js";
import { runContractCheck } from "./run.js";
import { PREFIX } from "./scenario.js";

const FLAGS: readonly Flag[] = [
  { names: ["--base-url"], value: "URL", help: "Piriod's base URL, such as https://api.piriod.com (required)" },
  { names: ["--workspace"], value: "ID", help: "the workspace to work in, acc_… (required)" },
  { names: ["--json"], help: "print the report as JSON, for CI" },
  {
    names: ["--allow"],
    value: "FILE",
    help: "silence the wording differences whose ids FILE lists, one a line (a line\nstarting with # is a comment)",
  },
  { names: ["-h", "--help"], help: "show this help" },
];

const HELP = `Usage: piriod-contract-check --base-url URL --workspace ID [--json] [--allow FILE]

Runs one scenario against Piriod in test mode and compares every answer with the spec (the
generated validators), with what Piriod's docs say and with the package's fake Piriod:
each resource's create, retrieve, list by each filter, sorted and a page at a time, update
and delete, then the documented refusals. The API key is read from PIRIOD_API_KEY and never
printed. Every request sends x-piriod-test-mode: true; the objects it creates are named
"${PREFIX} <run>" and deleted at the end, even when a step fails.

Options:
${flagHelp(FLAGS)}

Exit code: 0 when nothing fails (wording differences are reported only), 1 when a spec
violation, a divergence from documented behaviour or a failed cleanup is found, 2 when the
check could not run (bad arguments, no key).`;

async function main(args: readonly string[]): Promise<number> {
  const parsed = parseArguments(args, FLAGS);
  if ("error" in parsed) return usage(parsed.error);
  const { values } = parsed;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const baseUrl = values["base-url"]?.[0];
  const workspace = values.workspace?.[0];
  if (baseUrl === undefined) return usage("--base-url is required");
  if (workspace === undefined) return usage("--workspace is required");
  if (!/^https?:\/\/[^/?#]+(\/[^?#]*)?$/.test(baseUrl))
    return usage(`--base-url must be an http or https URL without a query, not "${baseUrl}"`);
  const apiKey = process.env.PIRIOD_API_KEY?.trim();
  if (!apiKey) return usage("PIRIOD_API_KEY is not set: the check reads the API key from it");
  let allowed: string[] = [];
  const allowFile = values.allow?.[0];
  if (allowFile !== undefined) {
    try {
      allowed = (await readFile(allowFile, "utf8"))
        .split("\n")
        .map((line) => line.trim())
        // An id holds `#` (`retrieve customers#1`): a comment is a line that starts with one.
        .filter((line) => line !== "" && !line.startsWith("#"));
    } catch (error) {
      return usage(`--allow ${allowFile}: ${(error as Error).message}`);
    }
  }
  const report = await runContractCheck({ baseUrl, workspace, apiKey, allowed });
  const text = values.json ? jsonReport(report) : textReport(report);
  // The key appears nowhere in what is printed, whatever a server echoed back.
  process.stdout.write(text.split(apiKey).join("[redacted]"));
  return report.verdict === "pass" ? 0 : 1;
}

function usage(problem: string): number {
  console.error(`piriod-contract-check: ${problem}\n\n${HELP}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const key = process.env.PIRIOD_API_KEY?.trim();
    const text = `piriod-contract-check: ${(error as Error)?.stack ?? String(error)}`;
    console.error(key ? text.split(key).join("[redacted]") : text);
    process.exitCode = 2;
  },
);
