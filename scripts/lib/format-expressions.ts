/**
 * `email` and `uri` as the RFCs JSON Schema 2020-12 names for them define them, each one regular
 * expression. ajv inlines a regular-expression format into a validator's standalone code, but
 * imports a function format from generated/validators/formats.js with every other function
 * format: as expressions, the request validator a browser loads carries these two checks alone.
 *
 * They give the verdicts of the conformance oracle's checks (@hyperjump/json-schema-formats), read
 * from the same ABNF but written apart from them: test/validators/format-expressions.test.ts
 * compares the two on generated strings. Where the oracle throws instead of answering (an address
 * literal with a tag other than IPv6, an IPvFuture host) the RFC decides, as noted below.
 *
 * Case-insensitive, without the `u` flag: `[a-z]`, `\w` and `\d` then match ASCII only, in
 * either case, which is what the RFCs' ALPHA, DIGIT and HEXDIG are.
 */

const HEXDIG = "[\\da-f]";
const DEC_OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4 = `${DEC_OCTET}(?:\\.${DEC_OCTET}){3}`;
const H16 = `${HEXDIG}{1,4}`;
const LS32 = `(?:${H16}:${H16}|${IPV4})`;
/**
 * RFC 3986 §3.2.2 IPv6address (RFC 5321's IPv6-addr is the same): its nine forms, the seven that
 * end in ls32 sharing it, so that the IPv4 form is written once.
 */
const IPV6 = `(?:(?:${[
  `(?:${H16}:){6}`,
  `::(?:${H16}:){5}`,
  `(?:${H16})?::(?:${H16}:){4}`,
  `(?:(?:${H16}:){0,1}${H16})?::(?:${H16}:){3}`,
  `(?:(?:${H16}:){0,2}${H16})?::(?:${H16}:){2}`,
  `(?:(?:${H16}:){0,3}${H16})?::${H16}:`,
  `(?:(?:${H16}:){0,4}${H16})?::`,
].join("|")})${LS32}|(?:(?:${H16}:){0,5}${H16})?::${H16}|(?:(?:${H16}:){0,6}${H16})?::)`;

// RFC 5321 §4.1.2 and §4.1.3.
/** atext: the printable ASCII characters but the specials; `\w` brings letters, digits and `_`. */
const ATEXT = "[\\w!#$%&'*+/=?^`{|}~-]";
const DOT_STRING = `${ATEXT}+(?:\\.${ATEXT}+)*`;
/** qtextSMTP (%d32-33 / %d35-91 / %d93-126) or quoted-pairSMTP (a backslash and %d32-126). */
const QUOTED_STRING = '"(?:[ !#-[\\]-~]|\\\\[ -~])*"';
/** Let-dig [Ldh-str]: no length limit per label, and a single label (`localhost`) is a domain. */
const SUB_DOMAIN = "[a-z\\d](?:[a-z\\d-]*[a-z\\d])?";
/**
 * IPv4 or IPv6 address literals only: a General-address-literal's tag must be registered with
 * IANA, and none but IPv6 is, so `[x:y]` is no address.
 */
const ADDRESS_LITERAL = `\\[(?:${IPV4}|IPv6:${IPV6})\\]`;

/**
 * RFC 5321 Mailbox: Local-part (Dot-string or Quoted-string) "@" (Domain or address literal).
 * The RFC's size limits (64 octets of local part, 255 of domain, 63 of a label) are not checked,
 * as the oracle does not check them.
 */
export const EMAIL = new RegExp(
  `^(?:${DOT_STRING}|${QUOTED_STRING})@(?:${SUB_DOMAIN}(?:\\.${SUB_DOMAIN})*|${ADDRESS_LITERAL})$`,
  "i",
);

// RFC 3986 §3. Character-class contents; a class built from them ends with "-", which is
// unreserved too, so that it stands for itself and not for a range.
const UNRESERVED = "\\w.~";
const SUB_DELIMS = "!$&'()*+,;=";
const PCT_ENCODED = `%${HEXDIG}{2}`;
const PCHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@-]|${PCT_ENCODED})`;
const USERINFO = `(?:[${UNRESERVED}${SUB_DELIMS}:-]|${PCT_ENCODED})*`;
/** IP-literal (IPvFuture is grammar like the rest, so it is taken) or reg-name, which may be empty and spans IPv4address. */
const HOST = `(?:\\[(?:${IPV6}|v${HEXDIG}+\\.[${UNRESERVED}${SUB_DELIMS}:-]+)\\]|(?:[${UNRESERVED}${SUB_DELIMS}-]|${PCT_ENCODED})*)`;
const PATH_ABEMPTY = `(?:/${PCHAR}*)*`;
/**
 * hier-part: "//" authority path-abempty, or, not starting with "//", path-absolute,
 * path-rootless or path-empty: segments of pchar joined by "/", the first one possibly empty.
 */
const HIER_PART = `(?://(?:${USERINFO}@)?${HOST}(?::\\d*)?${PATH_ABEMPTY}|(?!//)${PCHAR}*${PATH_ABEMPTY})`;
const QUERY_OR_FRAGMENT = `(?:[${UNRESERVED}${SUB_DELIMS}:@/?-]|${PCT_ENCODED})*`;

/** RFC 3986 URI: scheme ":" hier-part [ "?" query ] [ "#" fragment ]. */
export const URI = new RegExp(
  `^[a-z][a-z\\d+.-]*:${HIER_PART}(?:\\?${QUERY_OR_FRAGMENT})?(?:#${QUERY_OR_FRAGMENT})?$`,
  "i",
);
