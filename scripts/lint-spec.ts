/**
 * `npm run lint:spec` (the first half of `npm run lint`): Redocly's lint with the rules in
 * redocly.yaml. Any problem fails, warnings included, each printed as `file:line:col  rule  message`.
 */
import { PipelineError, reportFailure } from "./lib/pipeline-error.ts";
import { projectPaths } from "./lib/project-paths.ts";
import { runRedocly } from "./lib/redocly.ts";
import { timedStep } from "./lib/timed-step.ts";

interface LintProblem {
  ruleId: string;
  severity: string;
  message: string;
  location: { source: { ref: string }; start?: { line: number; col: number }; pointer?: string }[];
}

export async function lintSpec(root = process.cwd()): Promise<void> {
  const { specRoot } = projectPaths(root);
  const run = await runRedocly(
    ["lint", specRoot, "--format", "json", "--lint-config", "error", "--max-problems", "1000"],
    root,
  );
  let report: { totals: { errors: number; warnings: number }; problems: LintProblem[] };
  try {
    report = JSON.parse(run.stdout);
  } catch {
    throw new PipelineError(`lint: Redocly gave no report (exit ${run.status})\n${run.stderr}`);
  }
  const { errors, warnings } = report.totals;
  if (errors + warnings > 0 || run.status !== 0) {
    const lines = report.problems.map(formatProblem);
    throw new PipelineError(
      `lint: ${errors} error(s), ${warnings} warning(s)\n${lines.join("\n")}${run.stderr ? `\n${run.stderr}` : ""}`,
    );
  }
}

function formatProblem(problem: LintProblem): string {
  const where = problem.location[0];
  const position = where?.start ? `:${where.start.line}:${where.start.col}` : "";
  const file = where ? `${where.source.ref}${position}` : "(spec)";
  return `  ${file}  ${problem.severity}  ${problem.ruleId}  ${problem.message}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  timedStep("lint openapi/ with redocly.yaml", () => lintSpec()).catch(reportFailure);
}
