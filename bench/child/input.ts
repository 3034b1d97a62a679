/** The input a benchmark process was started with: runChild and startLoopbackServer pass it as JSON, the first argument. */
export function childInput<T>(): T {
  const json = process.argv[2];
  if (json === undefined) throw new Error(`${process.argv[1]} takes its input as JSON, in its first argument`);
  return JSON.parse(json) as T;
}
