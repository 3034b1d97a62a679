import fc from "fast-check";

/**
 * Strings on both sides of a format's edge: values of `valid`, as they are or with one character
 * inserted, replaced or removed (characters drawn from `noise`, which should hold the grammar's
 * delimiters and a few it never allows). A check that differs from another in a corner of the
 * grammar differs on such strings; on arbitrary text, nearly everything is refused by both.
 */
export function nearly(valid: fc.Arbitrary<string>, noise: string): fc.Arbitrary<string> {
  const edited = fc
    .tuple(valid, fc.nat(), fc.constantFrom(...noise), fc.constantFrom("insert", "replace", "delete"))
    .map(([text, at, character, edit]) => {
      const index = at % (text.length + 1);
      if (edit === "insert") return text.slice(0, index) + character + text.slice(index);
      return text.slice(0, index) + (edit === "replace" ? character : "") + text.slice(index + 1);
    });
  return fc.oneof({ arbitrary: valid, weight: 2 }, { arbitrary: edited, weight: 3 });
}

/** Strings of 0 to `maxLength` pieces, each drawn from `units`. */
export const joined = (units: string[], maxLength: number, minLength = 0) =>
  fc.array(fc.constantFrom(...units), { minLength, maxLength }).map((parts) => parts.join(""));

const octet = fc.integer({ min: 0, max: 255 }).map(String);
export const ipv4 = fc.array(octet, { minLength: 4, maxLength: 4 }).map((parts) => parts.join("."));

const hexdig = fc.constantFrom(..."0123456789abcdefABCDEF");
export const hexString = (minLength: number, maxLength: number) => fc.string({ unit: hexdig, minLength, maxLength });
const h16 = hexString(1, 4);
/** IPv6 addresses in every form RFC 4291 writes them: full, compressed anywhere, with a trailing IPv4. */
export const ipv6 = fc
  .tuple(fc.array(h16, { minLength: 8, maxLength: 8 }), fc.nat(8), fc.nat(8), fc.boolean(), ipv4)
  .map(([groups, from, length, withIpv4, tail]) => {
    const all = withIpv4 ? [...groups.slice(0, 6), tail] : groups;
    const start = Math.min(from, all.length);
    const end = Math.min(all.length, start + length);
    if (length === 0) return all.join(":");
    const before = all.slice(0, start).join(":");
    const after = all.slice(end).join(":");
    return `${before}::${after}`;
  });
