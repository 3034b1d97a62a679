import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { EMAIL, URI } from "../../scripts/lib/format-expressions.ts";
import { type FormatOracle, formatOracle } from "../helpers/conformance-oracle.ts";
import { hexString, ipv4, ipv6, joined, nearly } from "../helpers/format-strings.ts";

// The validators check `email` and `uri` with one regular expression each, written from the RFCs'
// ABNF; the conformance oracle checks them with its own code. The two must agree on any string:
// they are compared on values built from the grammar and on those values one character off.

const RUNS = 20_000;
let oracles: Record<"email" | "uri", FormatOracle>;
beforeAll(async () => {
  oracles = { email: await formatOracle("email"), uri: await formatOracle("uri") };
});

describe("email", () => {
  const atext = [..."aZ09_!#$%&'*+/=?^`{|}~-"];
  const dotString = fc.array(joined(atext, 6, 1), { minLength: 1, maxLength: 3 }).map((atoms) => atoms.join("."));
  const quotedString = joined([..."aZ0 !#[]~@.(),:;<>", '\\"', "\\\\", "\\a", "\\ "], 8).map(
    (content) => `"${content}"`,
  );
  const label = fc
    .tuple(joined([..."aZ09"], 1, 1), joined([..."aZ09-"], 6), joined([..."aZ09"], 1, 1))
    .map(([first, middle, last]) => first + middle + last);
  const domain = fc.oneof(
    label,
    fc
      .array(fc.oneof(label, joined([..."aZ09"], 1, 1)), { minLength: 2, maxLength: 4 })
      .map((labels) => labels.join(".")),
    fc.domain(),
  );
  const addressLiteral = fc
    .oneof(
      ipv4,
      ipv6.map((address) => `IPv6:${address}`),
      ipv6.map((address) => `ipv6:${address}`),
    )
    .map((literal) => `[${literal}]`);
  const mailbox = fc
    .tuple(
      fc.oneof(dotString, quotedString),
      fc.oneof({ arbitrary: domain, weight: 3 }, { arbitrary: addressLiteral, weight: 2 }),
    )
    .map(([local, at]) => `${local}@${at}`);
  const emailLike = nearly(mailbox, '@.-[]:"\\ \tñ_aF0:\x7f');

  /** Where the oracle throws, the address literal's tag is not IPv6, or its IPv6 address is malformed: no address, by RFC 5321. */
  function expectAgreement(value: string) {
    const oracle = oracles.email(value);
    if (oracle === "throws") {
      expect(value, value).toMatch(/@\[[a-z\d-]*[a-z\d]:[\x21-\x5a\x5e-\x7e]+\]$/i);
      expect(EMAIL.test(value), value).toBe(false);
    } else {
      expect(EMAIL.test(value), value).toBe(oracle);
    }
  }

  it("agrees with the oracle on address-like strings, real addresses and arbitrary text", () => {
    fc.assert(
      fc.property(fc.oneof({ arbitrary: emailLike, weight: 8 }, fc.emailAddress(), fc.string()), expectAgreement),
      { numRuns: RUNS },
    );
  });

  it("takes RFC 5321 mailboxes a reader might not expect", () => {
    for (const valid of [
      "facturacion@localhost",
      '"pagos andes"@andes.cl',
      '"pagos\\"cl@x"@andes.cl',
      '""@andes.cl',
      "pagos_cl!#$%&'*/=?^{|}~@andes.cl",
      "pagos@[192.0.2.1]",
      "pagos@[IPv6:2001:db8::1]",
      "pagos@[ipv6:::ffff:192.0.2.1]",
      "PAGOS@ANDES.CL",
    ]) {
      expect(EMAIL.test(valid), valid).toBe(true);
      expectAgreement(valid);
    }
  });

  it("refuses what is not a mailbox", () => {
    for (const invalid of [
      "pagos@andes@cl",
      ".pagos@andes.cl",
      "pagos.@andes.cl",
      "pagos..cl@andes.cl",
      '"pagos andes@andes.cl',
      '"pagos\tandes"@andes.cl',
      "pagos@[300.1.1.1]",
      "pagos@[192.0.2.1",
      "pagos@andes-.cl",
      "pagos@-andes.cl",
      "pagos@andes.cl.",
      "pagos@andes..cl",
      "ñandú@andes.cl",
      "pagos@ñandú.cl",
      "pagos@",
      "@andes.cl",
      "pagos@andes.cl\n",
      "",
    ]) {
      expect(EMAIL.test(invalid), invalid).toBe(false);
      expectAgreement(invalid);
    }
  });

  it("refuses an address literal with a tag IANA has not registered, where the oracle throws", () => {
    for (const unregistered of ["pagos@[x:y]", "pagos@[IPv7:1]", "pagos@[IPv6:2001:db8::1::2]"]) {
      expect(oracles.email(unregistered), unregistered).toBe("throws");
      expect(EMAIL.test(unregistered), unregistered).toBe(false);
    }
  });
});

describe("uri", () => {
  const unreservedOrSubDelim = [..."aZ09-._~!$&'()*+,;=", "%41", "%c3%B1"];
  const pchar = [...unreservedOrSubDelim, ":", "@"];
  const scheme = fc
    .tuple(fc.constantFrom("https", "mailto", "urn", "X"), joined([..."aZ09+-."], 3))
    .map(([start, rest]) => start + rest);
  const host = fc.oneof(
    joined(unreservedOrSubDelim, 8),
    ipv4,
    fc.domain(),
    ipv6.map((address) => `[${address}]`),
    fc
      .tuple(hexString(1, 2), joined([...unreservedOrSubDelim, ":"], 5, 1))
      .map(([version, address]) => `[v${version}.${address}]`),
  );
  const authority = fc
    .tuple(
      fc.option(
        joined([...unreservedOrSubDelim, ":"], 5).map((userinfo) => `${userinfo}@`),
        { nil: "" },
      ),
      host,
      fc.option(
        fc.nat(65535).map((port) => `:${port}`),
        { nil: "" },
      ),
    )
    .map((parts) => parts.join(""));
  const segments = fc.array(joined(pchar, 5), { maxLength: 4 });
  const path = fc.tuple(fc.constantFrom("", "/"), segments).map(([start, parts]) => start + parts.join("/"));
  const queryOrFragment = joined([...pchar, "/", "?"], 8);
  const uri = fc
    .tuple(
      scheme,
      fc.oneof(
        fc.tuple(authority, segments).map(([at, parts]) => `//${at}${parts.map((part) => `/${part}`).join("")}`),
        path,
      ),
      fc.option(queryOrFragment, { nil: undefined }),
      fc.option(queryOrFragment, { nil: undefined }),
    )
    .map(
      ([name, hier, query, fragment]) =>
        `${name}:${hier}${query === undefined ? "" : `?${query}`}${fragment === undefined ? "" : `#${fragment}`}`,
    );
  const uriLike = nearly(uri, ":/?#[]@%!'() \\\"{}<>|^`ñaZ09-._~v");

  /** Where the oracle throws, the host is an IPvFuture literal, which RFC 3986's grammar takes. */
  function expectAgreement(value: string) {
    const oracle = oracles.uri(value);
    if (oracle === "throws") {
      expect(value, value).toMatch(/^[^:]+:\/\/([^@/]*@)?\[v[\da-f]+\./i);
      expect(URI.test(value), value).toBe(true);
    } else {
      expect(URI.test(value), value).toBe(oracle);
    }
  }

  it("agrees with the oracle on URI-like strings, URLs and arbitrary text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          { arbitrary: uriLike, weight: 8 },
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          fc.string(),
        ),
        expectAgreement,
      ),
      { numRuns: RUNS },
    );
  });

  it("takes RFC 3986 URIs, an empty path included", () => {
    for (const valid of [
      "https://andes.cl",
      "https://andes.cl/contacto?ref=1#top",
      "mailto:?to=pagos@andes.cl",
      "mailto:pagos@andes.cl",
      "https:",
      "https://",
      "https://andes.cl:/",
      "urn:isbn:0451450523",
      "http://[::1]:8080/",
      "http://[2001:db8::7]/",
      "http://192.0.2.1/",
      "HTTPS://Andes.CL/%C3%B1",
    ]) {
      expect(URI.test(valid), valid).toBe(true);
      expectAgreement(valid);
    }
  });

  it("refuses what is not a URI", () => {
    for (const invalid of [
      "andes.cl",
      "/relative/path",
      "//andes.cl/",
      "1https://andes.cl",
      "https://x/ y",
      "https://andes .cl",
      "https://andes.cl/%zz",
      "http://ex%ample.com",
      "https://[2001:db8::7/",
      "https://andes.cl:80a/",
      "https://andes.cl/#a#b",
      "https://andes.cl/ñandú",
      "",
    ]) {
      expect(URI.test(invalid), invalid).toBe(false);
      expectAgreement(invalid);
    }
  });

  it("takes an IPvFuture host, which the oracle does not support (it throws)", () => {
    expect(oracles.uri("http://[v1.fe80::a+en1]/")).toBe("throws");
    expect(URI.test("http://[v1.fe80::a+en1]/")).toBe(true);
  });
});
