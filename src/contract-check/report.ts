import type { Difference } from "./compare.js";
import type { ContractCheckReport } from "./run.js";

const CLASS_NAMES: Record<Difference["class"], string> = {
  "spec-violation": "spec violation",
  divergence: "divergence from documented behaviour",
  wording: "wording the docs do not fix (reported only)",
};

/** The report as a reader sees it: the steps, each difference with who expected what, the cleanup, and a one-line verdict last. */
export function textReport(report: ContractCheckReport): string {
  const width = Math.max(...report.steps.map(({ operation }) => operation.length), 0) + 2;
  const stepWidth = Math.max(...report.steps.map(({ step }) => step.length), 0) + 2;
  const lines = [
    `piriod-contract-check against ${report.baseUrl}, workspace ${report.workspace}, in test mode; run ${report.run}`,
    "",
    "Steps (status answered, then the fake's):",
    ...report.steps.map(
      ({ operation, step, status, fakeStatus }) =>
        `  ${operation.padEnd(width)}${step.padEnd(stepWidth)}${String(status)}  ${String(fakeStatus)}`,
    ),
    "",
  ];
  if (report.differences.length === 0) lines.push("No differences.", "");
  else {
    lines.push("Differences:");
    for (const difference of report.differences) {
      lines.push(
        `  ${CLASS_NAMES[difference.class]}${difference.allowed ? " (allowed)" : ""}: ${difference.operation}, ${difference.step}`,
        `    expected (${difference.by}): ${difference.expected}`,
        `    got: ${difference.got}`,
        ...(difference.requestId ? [`    request id: ${difference.requestId}`] : []),
        `    id: ${difference.id}`,
      );
    }
    lines.push("");
  }
  if (report.cleanup.length > 0)
    lines.push(
      `Cleanup: ${report.cleanup.map(({ role, id, status }) => `${role} (${id}) ${String(status)}`).join(", ")}`,
      "",
    );
  lines.push(report.summary);
  return `${lines.join("\n")}\n`;
}

/** The report as JSON, for CI. */
export function jsonReport(report: ContractCheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
