/**
 * RFC 3339 §5.6 date-time, as JSON Schema 2020-12 names it: the check the generated validators run for `format: date-time` (through
 * ./validator-formats.ts), and the one the generator registers with ajv. ajv-formats' own check also takes a space for `T`, an offset
 * without its colon (+0300), and second 60 at 23:59 UTC of any day; the conformance oracle (@hyperjump/json-schema-formats) takes none
 * of those, and test/validators/date-time-format.test.ts compares the two.
 */

// full-date "T" full-time, with "T" and "Z" in either case (RFC 3339 §5.6 NOTE).
// Groups: year, month, day, hour, minute, second, then the offset's sign, hours and minutes.
const DATE_TIME =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])t([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(?:\.\d+)?(?:z|([+-])([01]\d|2[0-3]):([0-5]\d))$/i;

// The days whose last UTC minute may hold second 60: the oracle's table, so that both take the
// same days. It lists every leap second IERS has announced (1972-06-30 to 2016-12-31; none since,
// and one would be announced months ahead) and 14 dates before 1972, when UTC was still adjusted
// in other ways. The oracle misses the days before October in it (see
// test/conformance/known-divergences.json); this check does not.
const LEAP_SECOND_DAYS = new Set([
  "1960-12-31",
  "1961-07-31",
  "1961-12-31",
  "1963-10-31",
  "1963-12-31",
  "1964-03-31",
  "1964-08-31",
  "1964-12-31",
  "1965-02-28",
  "1965-06-30",
  "1965-08-31",
  "1965-12-31",
  "1968-01-31",
  "1971-12-31",
  "1972-06-30",
  "1972-12-31",
  "1973-12-31",
  "1974-12-31",
  "1975-12-31",
  "1976-12-31",
  "1977-12-31",
  "1978-12-31",
  "1979-12-31",
  "1981-06-30",
  "1982-06-30",
  "1983-06-30",
  "1985-06-30",
  "1987-12-31",
  "1989-12-31",
  "1990-12-31",
  "1992-06-30",
  "1993-06-30",
  "1994-06-30",
  "1995-12-31",
  "1997-06-30",
  "1998-12-31",
  "2005-12-31",
  "2008-12-31",
  "2012-06-30",
  "2015-06-30",
  "2016-12-31",
]);

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether `value` is an RFC 3339 date-time naming an instant that exists. */
export function isDateTime(value: string): boolean {
  const parts = DATE_TIME.exec(value);
  if (parts === null) return false;
  let year = Number(parts[1]);
  let month = Number(parts[2]);
  let day = Number(parts[3]);
  if (day > daysInMonth(year, month)) return false;
  if (parts[6] !== "60") return true;
  // Second 60 exists only in the last minute of a leap-second day, in UTC: move the local time
  // to UTC. An offset is less than a day, so that minute is on the local day or the one before.
  const offset = parts[7] === undefined ? 0 : (parts[7] === "-" ? -1 : 1) * (Number(parts[8]) * 60 + Number(parts[9]));
  const utcMinute = Number(parts[4]) * 60 + Number(parts[5]) - offset;
  if (utcMinute === -1) {
    // The local day's first minutes, east of Greenwich: 23:59 UTC is on the day before.
    day--;
    if (day === 0) {
      month--;
      if (month === 0) {
        year--;
        month = 12;
      }
      day = daysInMonth(year, month);
    }
  } else if (utcMinute !== 23 * 60 + 59) {
    return false;
  }
  return LEAP_SECOND_DAYS.has(
    `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
  );
}
