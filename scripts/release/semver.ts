/** The semver classes of change, in increasing order of impact. */
export const BUMPS = ["none", "patch", "minor", "major"] as const;
export type Bump = (typeof BUMPS)[number];

export function bumpRank(bump: Bump): number {
  return BUMPS.indexOf(bump);
}

export function maxBump(...bumps: Bump[]): Bump {
  return bumps.reduce((highest, bump) => (bumpRank(bump) > bumpRank(highest) ? bump : highest), "none");
}

function parse(version: string): [number, number, number] {
  const match = version.match(/^(\d+)\.(\d+)\.(\d+)$/);
  if (!match) throw new Error(`"${version}" is not a release version (MAJOR.MINOR.PATCH)`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** The version `bump` makes of `version`: 1.4.2 + minor → 1.5.0. */
export function bumpVersion(version: string, bump: Bump): string {
  const [major, minor, patch] = parse(version);
  if (bump === "major") return `${major + 1}.0.0`;
  if (bump === "minor") return `${major}.${minor + 1}.0`;
  if (bump === "patch") return `${major}.${minor}.${patch + 1}`;
  return version;
}

/** The class of change from `from` to `to`: 1.4.2 → 1.5.0 is minor; a step back is none. */
export function bumpBetween(from: string, to: string): Bump {
  const [a, b, c] = parse(from);
  const [x, y, z] = parse(to);
  if (x !== a) return x > a ? "major" : "none";
  if (y !== b) return y > b ? "minor" : "none";
  return z > c ? "patch" : "none";
}
