import semver from 'semver';

/**
 * npm versions as advisories spell them: full semver, or shortened forms real records use
 * (`1.0` for 1.0.0, a leading `v`). Pre-release tags are kept, so 5.0.0-beta.1 orders
 * before 5.0.0.
 */
export function parseNpmVersion(text: string): semver.SemVer | undefined {
  const exact = semver.parse(text, { loose: true });
  if (exact) return exact;
  const m = /^\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?\s*$/.exec(text);
  if (!m) return undefined;
  return semver.parse(`${m[1]}.${m[2] ?? 0}.${m[3] ?? 0}${m[4] ?? ''}`) ?? undefined;
}

export function compareNpm(a: semver.SemVer, b: semver.SemVer): number {
  return a.compare(b);
}
