/** Versions MAJOR.MINOR.PATCH, as published templates use them. */

export interface Semver {
  major: number;
  minor: number;
  patch: number;
}

/** The kinds of change, least to most significant. */
export const BUMPS = ['none', 'patch', 'minor', 'major'] as const;
export type Bump = (typeof BUMPS)[number];

const PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** Parses "1.2.3"; undefined for anything else. */
export function parseSemver(text: string): Semver | undefined {
  const match = PATTERN.exec(text);
  if (match === null) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

/** Negative when a < b, 0 when equal, positive when a > b. Throws on text that is not a version. */
export function compareSemver(a: string, b: string): number {
  const left = mustParse(a);
  const right = mustParse(b);
  return left.major - right.major || left.minor - right.minor || left.patch - right.patch;
}

/** The bump that takes `from` to `to`: "major" for 1.2.3 → 2.0.0, "none" for equal versions. */
export function bumpBetween(from: string, to: string): Bump {
  const left = mustParse(from);
  const right = mustParse(to);
  if (right.major !== left.major) return 'major';
  if (right.minor !== left.minor) return 'minor';
  if (right.patch !== left.patch) return 'patch';
  return 'none';
}

/** The smallest version after `from` that makes a `bump` change. */
export function nextVersion(from: string, bump: Exclude<Bump, 'none'>): string {
  const v = mustParse(from);
  if (bump === 'major') return `${v.major + 1}.0.0`;
  if (bump === 'minor') return `${v.major}.${v.minor + 1}.0`;
  return `${v.major}.${v.minor}.${v.patch + 1}`;
}

/** Whether bump `a` is at least as significant as `b`. */
export function bumpCovers(a: Bump, b: Bump): boolean {
  return BUMPS.indexOf(a) >= BUMPS.indexOf(b);
}

function mustParse(text: string): Semver {
  const version = parseSemver(text);
  if (version === undefined) throw new RangeError(`"${text}" is not a version MAJOR.MINOR.PATCH`);
  return version;
}
