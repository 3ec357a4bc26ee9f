import { describe, expect, it } from 'vitest';
import { LockfileError, readLockfile } from '../../src/gates/audit/lockfiles/index.js';

/** Reads `text` as `file` and returns the LockfileError's message (fails if it reads). */
function shapeError(file: string, text: string): string {
  try {
    const parsed = readLockfile(file, text);
    throw new Error(`read ${parsed.packages.length} package(s) from a lockfile of the wrong shape`);
  } catch (error) {
    expect(error).toBeInstanceOf(LockfileError);
    return (error as Error).message;
  }
}

const json = (value: unknown) => JSON.stringify(value, null, 2);
const v3 = (packages: unknown) => json({ name: 'app', lockfileVersion: 3, requires: true, packages });
const v1 = (dependencies: unknown) => json({ name: 'app', lockfileVersion: 1, requires: true, dependencies });

// Each case: right syntax, wrong shape. Before, each read as "0 packages" (or dropped entries).
const CASES: [string, string, string, string][] = [
  ['npm v3: packages a string', 'package-lock.json', v3('oops'), '/packages'],
  ['npm v3: no packages at all', 'package-lock.json', json({ lockfileVersion: 3 }), '/packages'],
  ['npm v2: packages an array', 'npm-shrinkwrap.json', json({ lockfileVersion: 2, packages: [1], dependencies: {} }), '/packages'],
  ['npm v3: an entry a string', 'package-lock.json', v3({ '': {}, 'node_modules/a': 'x' }), '/packages/node_modules~1a'],
  ['npm v3: a version a number', 'package-lock.json', v3({ 'node_modules/a': { version: 1 } }), '/packages/node_modules~1a/version'],
  ['npm v3: dependencies a string', 'package-lock.json', v3({ 'node_modules/a': { version: '1.0.0', dependencies: 'b' } }), '/packages/node_modules~1a/dependencies'],
  ['npm v3: root dependencies a list', 'package-lock.json', v3({ '': { dependencies: ['a'] } }), '/packages//dependencies'],
  ['npm v1: dependencies a string', 'package-lock.json', v1('x'), '/dependencies'],
  ['npm v1: an entry a number', 'package-lock.json', v1({ a: 5 }), '/dependencies/a'],
  ['npm v1: nested dependencies a list', 'package-lock.json', v1({ a: { version: '1.0.0', dependencies: [] } }), '/dependencies/a/dependencies'],
  ['npm v1: requires a string', 'package-lock.json', v1({ a: { version: '1.0.0', requires: 'b' } }), '/dependencies/a/requires'],
  ['pnpm v6: packages a list', 'pnpm-lock.yaml', "lockfileVersion: '6.0'\npackages: [1, 2, 3]\n", '/packages'],
  ['pnpm v9: snapshots a string', 'pnpm-lock.yaml', "lockfileVersion: '9.0'\nimporters: {}\npackages: {}\nsnapshots: oops\n", '/snapshots'],
  ['pnpm v9: packages a list beside snapshots', 'pnpm-lock.yaml', "lockfileVersion: '9.0'\npackages: [1]\nsnapshots: {}\n", '/packages'],
  ['pnpm v6: an entry null', 'pnpm-lock.yaml', "lockfileVersion: '6.0'\npackages:\n  /a@1.0.0:\n", '/packages/~1a@1.0.0'],
  ['pnpm v6: entry dependencies a list', 'pnpm-lock.yaml', "lockfileVersion: '6.0'\npackages:\n  /a@1.0.0:\n    dependencies: [b]\n", '/packages/~1a@1.0.0/dependencies'],
  ['pnpm v9: importers a string', 'pnpm-lock.yaml', "lockfileVersion: '9.0'\nimporters: x\n", '/importers'],
  ['pnpm v9: importer section a list', 'pnpm-lock.yaml', "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies: [a]\n", '/importers/./dependencies'],
  ['pnpm v9: importer version a list', 'pnpm-lock.yaml', "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      a:\n        specifier: ^1\n        version: [1]\n", '/importers/./dependencies/a/version'],
  ['pnpm v6 single project: dependencies a string', 'pnpm-lock.yaml', "lockfileVersion: '6.0'\ndependencies: x\n", '/dependencies'],
  ['yarn berry: an entry a number', 'yarn.lock', '__metadata:\n  version: 6\n\n"a@npm:^1.0.0":\n  5\n', '/a@npm:^1.0.0'],
  ['yarn berry: dependencies a list', 'yarn.lock', '__metadata:\n  version: 6\n\n"a@npm:^1.0.0":\n  version: 1.0.0\n  dependencies: [b]\n', '/a@npm:^1.0.0/dependencies'],
  ['yarn berry: __metadata a number', 'yarn.lock', '__metadata: 5\n', '/__metadata'],
  ['yarn berry: version a list', 'yarn.lock', '__metadata:\n  version: 6\n\n"a@npm:^1.0.0":\n  version: [1]\n', '/a@npm:^1.0.0/version'],
  ['Pipfile.lock: default a number', 'Pipfile.lock', json({ default: 5 }), '/default'],
  ['Pipfile.lock: an entry a string', 'Pipfile.lock', json({ _meta: {}, default: { requests: '==2.0.0' }, develop: {} }), '/default/requests'],
  ['Pipfile.lock: a version a number', 'Pipfile.lock', json({ _meta: {}, default: {}, develop: { pytest: { version: 7 } } }), '/develop/pytest/version'],
];

describe('lockfiles of the right syntax but the wrong shape are errors naming the JSON path', () => {
  it.each(CASES)('%s', (_what, file, text, path) => {
    const message = shapeError(file, text);
    expect(message).toContain(`unexpected shape at ${path}:`);
    expect(message).toMatch(/expected .+, got (null|an array|a string|a number|nothing)/);
  });

  it('Pipfile.lock with neither default nor develop is not a Pipfile.lock', () => {
    expect(shapeError('Pipfile.lock', json({ _meta: {} }))).toMatch(/no "default" or "develop" section/);
  });

  it('a registry package without a version in uv.lock or poetry.lock is an error, not left out', () => {
    expect(shapeError('uv.lock', 'version = 1\n\n[[package]]\nname = "requests"\nsource = { registry = "https://pypi.org/simple" }\n')).toMatch(/"requests" at line 3 has no version/);
    expect(shapeError('poetry.lock', '[[package]]\nname = "requests"\n')).toMatch(/line 1 has no name or version/);
  });

  it('a yarn classic entry without a version is an error', () => {
    expect(shapeError('yarn.lock', '# yarn lockfile v1\n\na@^1.0.0:\n  resolved "x"\n')).toMatch(/has no version/);
  });
});
