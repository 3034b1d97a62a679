import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { isDateTime } from "../../src/date-time-format.ts";
import { type FormatOracle, formatOracle } from "../helpers/conformance-oracle.ts";
import { nearly } from "../helpers/format-strings.ts";

// The validators check `date-time` with src/date-time-format.ts (through
// src/validator-formats.ts); the conformance oracle with its own code. They must agree on
// any string but one kind, below.

let oracle: FormatOracle;
beforeAll(async () => {
  oracle = await formatOracle("date-time");
});

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/**
 * The oracle looks a leap second's UTC day up in its table as `2015-6-30`, without the month's
 * leading zero, so it finds none before October: it refuses 2015-06-30T23:59:60Z, which its own
 * table lists. That is its one known divergence (test/conformance/known-divergences.json).
 */
function oracleMissesLeapSecond(value: string): boolean {
  if (value.slice(17, 19) !== "60") return false;
  const utc = new Date(`${value.slice(0, 17)}59${value.slice(19)}`.toUpperCase());
  return utc.getUTCMonth() + 1 < 10;
}

function expectAgreement(value: string) {
  const verdict = oracle(value);
  const ours = isDateTime(value);
  if (ours && verdict === false && oracleMissesLeapSecond(value)) return;
  expect(ours, value).toBe(verdict);
}

// Days around every leap second, and month ends that had none, for second 60.
const LEAP_DAYS = [
  "1960-12-31",
  "1965-02-28",
  "1971-12-31",
  "1972-06-30",
  "1972-12-31",
  "1998-12-31",
  "2012-06-30",
  "2015-06-30",
  "2016-12-31",
];
const OTHER_MONTH_ENDS = ["2016-06-30", "2023-12-31", "2017-12-31", "1969-12-31", "2000-02-29"];

/** An instant at second 60 near 23:59 UTC of `day`, written with `offsetMinutes` as the local time. */
function atSecond60(
  day: string,
  utcMinute: number,
  offsetMinutes: number,
  separator: string,
  fraction: string,
  zulu: string,
): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, date);
  instant.setUTCHours(0, utcMinute + offsetMinutes, 0, 0);
  const local = `${pad(instant.getUTCFullYear(), 4)}-${pad(instant.getUTCMonth() + 1)}-${pad(instant.getUTCDate())}${separator}${pad(instant.getUTCHours())}:${pad(instant.getUTCMinutes())}:60${fraction}`;
  const size = Math.abs(offsetMinutes);
  const offset =
    offsetMinutes === 0 && zulu
      ? zulu
      : `${offsetMinutes < 0 ? "-" : "+"}${pad(Math.floor(size / 60))}:${pad(size % 60)}`;
  return local + offset;
}

describe("date-time", () => {
  it("agrees with the oracle on date-times, leap seconds near and far, and both one character off", () => {
    const offset = fc.oneof(
      fc.constantFrom("Z", "z"),
      fc
        .tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([sign, hours, minutes]) => `${sign}${pad(hours)}:${pad(minutes)}`),
    );
    const fraction = fc.oneof(
      fc.constant(""),
      fc.nat().map((value) => `.${value}`),
    );
    const dateTime = fc
      .tuple(
        fc.date({ min: new Date("0000-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true }),
        fc.constantFrom("T", "t"),
        fraction,
        offset,
      )
      .map(
        ([date, separator, secfrac, zone]) =>
          `${date.toISOString().slice(0, 10)}${separator}${date.toISOString().slice(11, 19)}${secfrac}${zone}`,
      );
    // Month ends with a leap second and without, around 23:59 UTC, in any offset.
    const second60 = fc
      .tuple(
        fc.constantFrom(...LEAP_DAYS, ...OTHER_MONTH_ENDS),
        fc.constantFrom(23 * 60 + 59, 23 * 60 + 58, 24 * 60, -1),
        fc.oneof(fc.integer({ min: -1439, max: 1439 }), fc.constantFrom(0, 1, -1, 180, -180, 1439, -1439, 330)),
        fc.constantFrom("T", "t"),
        fc.constantFrom("", ".5", ".999999"),
        fc.constantFrom("Z", "z", ""),
      )
      .map((parts) => atSecond60(...parts));
    const noise = "0123456789-:.+ Tt_Zz6x";
    const dateTimeLike = fc.oneof(
      { arbitrary: nearly(dateTime, noise), weight: 4 },
      { arbitrary: nearly(second60, noise), weight: 4 },
      fc.string(),
    );
    fc.assert(fc.property(dateTimeLike, expectAgreement), { numRuns: 20_000 });
  });

  it("takes RFC 3339 date-times, second 60 only at a leap second", () => {
    for (const valid of [
      "2023-11-07T05:31:56Z",
      "2023-11-07t05:31:56z",
      "2023-11-07T05:31:56.123456-03:00",
      "2023-11-07T05:31:56+23:59",
      "2024-02-29T12:00:00Z",
      "2000-02-29T12:00:00Z",
      "2016-12-31T23:59:60Z",
      "2016-12-31T23:59:60.5+00:00",
      "2016-12-31T20:59:60-03:00",
      "2017-01-01T02:59:60+03:00",
      "1998-12-31T23:59:60Z",
    ]) {
      expect(isDateTime(valid), valid).toBe(true);
      expectAgreement(valid);
    }
  });

  it("refuses what is not one", () => {
    for (const invalid of [
      "2023-11-07 05:31:56Z",
      "2023-11-07T05:31:56+0300",
      "2023-11-07T05:31:56+03",
      "2023-11-07T05:31:56",
      "2023-11-07T05:31:56.Z",
      "2023-11-07T05:31:56+24:00",
      "2023-11-07T24:00:00Z",
      "2023-11-07T23:60:00Z",
      "2023-02-29T00:00:00Z",
      "2100-02-29T00:00:00Z",
      "2023-04-31T00:00:00Z",
      "2023-11-07T23:59:60Z",
      "2023-12-31T23:59:60Z",
      "2016-12-31T23:59:60+01:00",
      "2016-12-31T23:58:60Z",
      "2023-11-07",
      "",
    ]) {
      expect(isDateTime(invalid), invalid).toBe(false);
      expectAgreement(invalid);
    }
  });

  it("takes the June leap seconds of the table, which the oracle misses", () => {
    for (const june of [
      "2015-06-30T23:59:60Z",
      "1972-06-30T23:59:60Z",
      "2015-06-30T20:59:60-03:00",
      "2015-07-01T01:59:60+02:00",
    ]) {
      expect(isDateTime(june), june).toBe(true);
      expect(oracle(june), june).toBe(false);
      expect(oracleMissesLeapSecond(june), june).toBe(true);
    }
  });
});
