/**
 * `value`, which the caller's set-up guarantees (a benchmark's, or a test's): an absent one stops the run naming
 * `what`, where a non-null assertion would let it go on to a `TypeError` far from the cause, or to a NaN in a table.
 */
export function defined<T>(value: T | null | undefined, what = "the value"): T {
  if (value === undefined || value === null) throw new Error(`expected ${what} to be there, got ${String(value)}`);
  return value;
}
