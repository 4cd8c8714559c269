import { describe, expect, it } from 'vitest';
import { bumpBetween, bumpCovers, compareSemver, nextVersion, parseSemver } from '../../src/core/semver';

describe('semver', () => {
  it('parses only MAJOR.MINOR.PATCH', () => {
    expect(parseSemver('1.20.3')).toEqual({ major: 1, minor: 20, patch: 3 });
    for (const bad of ['1.0', '01.0.0', '1.0.0-beta', 'v1.0.0', '']) expect(parseSemver(bad)).toBeUndefined();
  });
  it('orders numerically, not as text', () => {
    expect(['1.10.0', '1.2.0', '1.2.10', '1.2.9'].sort(compareSemver)).toEqual(['1.2.0', '1.2.9', '1.2.10', '1.10.0']);
  });
  it('names the bump between two versions and the next version for a bump', () => {
    expect(bumpBetween('1.2.3', '2.0.0')).toBe('major');
    expect(bumpBetween('1.2.3', '1.3.0')).toBe('minor');
    expect(bumpBetween('1.2.3', '1.2.4')).toBe('patch');
    expect(bumpBetween('1.2.3', '1.2.3')).toBe('none');
    expect(nextVersion('1.2.3', 'major')).toBe('2.0.0');
    expect(nextVersion('1.2.3', 'minor')).toBe('1.3.0');
    expect(nextVersion('1.2.3', 'patch')).toBe('1.2.4');
    expect(bumpCovers('major', 'minor')).toBe(true);
    expect(bumpCovers('patch', 'minor')).toBe(false);
  });
  it('refuses to compare what is not a version', () => {
    expect(() => compareSemver('1.0', '1.0.0')).toThrow(/"1\.0" is not a version/);
  });
});
