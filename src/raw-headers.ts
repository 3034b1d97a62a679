/**
 * Node's `rawHeaders` (name, value, name, value, …) as standard `Headers`, repeated names kept: what the Node
 * transport hands the call path and what the fake's HTTP server hands the fake.
 */
export function headersFromRaw(raw: readonly string[]): Headers {
  const headers = new Headers();
  for (let index = 0; index + 1 < raw.length; index += 2) headers.append(raw[index] ?? "", raw[index + 1] ?? "");
  return headers;
}
