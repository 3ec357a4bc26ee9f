// PEP 440 versions, parsed and ordered as pip's `packaging` does (its VERSION_PATTERN and
// _cmpkey), so that advisories for PyPI match what pip would install.

export interface Pep440Version {
  epoch: number;
  /** Release segment with trailing zeros stripped: 1.0 == 1.0.0. */
  release: number[];
  pre?: { label: 'a' | 'b' | 'rc'; n: number };
  post?: number;
  dev?: number;
  local?: (number | string)[];
}

const PATTERN = new RegExp(
  '^\\s*v?' +
    '(?:(?<epoch>[0-9]+)!)?' +
    '(?<release>[0-9]+(?:\\.[0-9]+)*)' +
    '(?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?' +
    '(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?' +
    '(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?' +
    '(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\\s*$',
  'i',
);

const PRE_LABEL: Record<string, 'a' | 'b' | 'rc'> = { alpha: 'a', a: 'a', beta: 'b', b: 'b', c: 'rc', rc: 'rc', pre: 'rc', preview: 'rc' };
const PRE_ORDER = { a: 0, b: 1, rc: 2 } as const;

/** Parses a PEP 440 version, or returns undefined for anything pip would reject. */
export function parsePep440(text: string): Pep440Version | undefined {
  const m = PATTERN.exec(text);
  if (!m?.groups) return undefined;
  const g = m.groups;
  const release = g.release!.split('.').map(Number);
  while (release.length > 1 && release[release.length - 1] === 0) release.pop();
  const version: Pep440Version = { epoch: g.epoch ? Number(g.epoch) : 0, release };
  if (g.pre) version.pre = { label: PRE_LABEL[g.preL!.toLowerCase()]!, n: Number(g.preN ?? 0) };
  if (g.post) version.post = Number(g.postN1 ?? g.postN2 ?? 0);
  if (g.dev) version.dev = Number(g.devN ?? 0);
  if (g.local) version.local = g.local.toLowerCase().split(/[-_.]/).map((p) => (/^[0-9]+$/.test(p) ? Number(p) : p));
  return version;
}

/** Negative, zero or positive like a sort comparator. */
export function comparePep440(a: Pep440Version, b: Pep440Version): number {
  return (
    a.epoch - b.epoch ||
    compareRelease(a.release, b.release) ||
    comparePre(a, b) ||
    compareOptional(a.post, b.post, -Infinity) ||
    compareOptional(a.dev, b.dev, Infinity) ||
    compareLocal(a.local, b.local)
  );
}

function compareRelease(a: number[], b: number[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

// A dev release without pre or post sorts before every pre-release of the same release
// (1.0.dev0 < 1.0a1); a final release sorts after them.
function preKey(v: Pep440Version): number[] {
  if (!v.pre && v.post === undefined && v.dev !== undefined) return [-Infinity];
  if (!v.pre) return [Infinity];
  return [PRE_ORDER[v.pre.label], v.pre.n];
}

function comparePre(a: Pep440Version, b: Pep440Version): number {
  const ka = preKey(a);
  const kb = preKey(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const x = ka[i] ?? -Infinity;
    const y = kb[i] ?? -Infinity;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function compareOptional(a: number | undefined, b: number | undefined, missing: number): number {
  const x = a ?? missing;
  const y = b ?? missing;
  return x === y ? 0 : x < y ? -1 : 1;
}

// Local segments: numbers sort above strings, strings compare lexically, longer wins ties.
function compareLocal(a: (number | string)[] | undefined, b: (number | string)[] | undefined): number {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (typeof x === 'number' && typeof y === 'number') {
      if (x !== y) return x - y;
    } else if (typeof x === 'number') return 1;
    else if (typeof y === 'number') return -1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
