import { PipelineError } from "../lib/pipeline-error.ts";
import { runRedocly } from "../lib/redocly.ts";
import type { Bump } from "./semver.ts";

export interface SpecChange {
  impact: Bump;
  description: string;
}

/**
 * Rates every change from `base` to `revision` (two bundled specs) with `redocly diff` and the
 * `diff-recommended` rules that redocly.yaml extends: a removed field, a tightened constraint,
 * a changed type or a newly required field is major; an added optional field is minor.
 */
export async function diffSpecs(
  root: string,
  base: string,
  revision: string,
): Promise<{ bump: Bump; changes: SpecChange[] }> {
  const run = await runRedocly(["diff", base, revision, "--format", "json", "--fail-on", "none"], root);
  let report: { bump?: string; changes?: { impact: Bump; kind: string; path: string; property?: string }[] };
  try {
    report = JSON.parse(run.stdout);
  } catch {
    throw new PipelineError(`check:breaking: redocly diff gave no report (exit ${run.status})\n${run.stderr}`);
  }
  const changes = (report.changes ?? []).map((change) => ({
    impact: change.impact,
    description: `${change.kind} ${decodePointer(change.path)}${change.property ? ` · ${change.property}` : ""}`,
  }));
  const bump =
    (["major", "minor", "patch"] as const).find((impact) => changes.some((change) => change.impact === impact)) ??
    "none";
  return { bump, changes };
}

function decodePointer(pointer: string): string {
  return pointer.replace(/^#/, "").replace(/~1/g, "/").replace(/~0/g, "~");
}
