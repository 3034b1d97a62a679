import formatsModule from "ajv-formats/dist/formats.js";
import fc from "fast-check";
import { expect, it } from "vitest";
import { fullUriExpression } from "../../scripts/lib/uri-format.ts";

// The validators check `uri` with one regular expression taken from ajv-formats, not with its
// function; both must give the same verdict on any string.
const ajvUri = (formatsModule as unknown as { fullFormats: { uri: (value: string) => boolean } }).fullFormats.uri;
const expression = fullUriExpression();

it("agrees with ajv-formats' full uri check on URLs, URI-like strings and arbitrary text", () => {
  const uriLike = fc
    .tuple(fc.constantFrom("", "https:", "mailto:", "urn:", "a+b-c.d:", "1x:", "//"), fc.string({ unit: fc.constantFrom(..."/:?#@%[]!$&'()*+,;=-._~aZ09 ñ") }))
    .map(([scheme, rest]) => scheme + rest);
  fc.assert(
    fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), uriLike, fc.string()), (value) => {
      expect(expression.test(value)).toBe(ajvUri(value));
    }),
    { numRuns: 5_000 },
  );
});

it("accepts and refuses what a reader would expect", () => {
  for (const valid of ["https://andes.cl", "https://andes.cl/contacto?ref=1#top", "mailto:a@andes.cl", "urn:isbn:0451450523", "http://[::1]:8080/"]) {
    expect(expression.test(valid), valid).toBe(true);
  }
  for (const invalid of ["andes.cl", "/relative/path", "https://andes .cl", "http://ex%ample.com", ""]) {
    expect(expression.test(invalid), invalid).toBe(false);
  }
});
