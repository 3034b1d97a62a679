/**
 * A failure the user can act on: the message already names the file and the problem, so the
 * command-line entry prints it without a stack trace.
 */
export class PipelineError extends Error {
  override name = "PipelineError";
}

/** Prints a pipeline failure the way a user needs it and sets a failing exit code. */
export function reportFailure(error: unknown): void {
  if (error instanceof PipelineError) console.error(error.message);
  else console.error(error);
  process.exitCode = 1;
}
