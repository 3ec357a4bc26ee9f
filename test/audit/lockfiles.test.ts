import { describe, expect, it } from 'vitest';
import { LockfileError, lockfileKind, readLockfile } from '../../src/gates/audit/lockfiles/index.js';
import type { LockedPackage } from '../../src/gates/audit/types.js';
import { NPM_V3, PNPM_V6, PNPM_V9, YARN_BERRY, YARN_CLASSIC } from './helpers/samples.js';

function summary(packages: LockedPackage[]) {
  return packages
    .map((p) => `${p.name}@${p.version}${p.dev ? ' dev' : ''} [${p.path.join(' > ')}]${p.line ? ` :${p.line}` : ''}`)
    .sort();
}

describe('package-lock.json', () => {
  it('v3: resolves nested node_modules, keeps npm dev flags, follows workspace links', () => {
    expect(summary(readLockfile('package-lock.json', NPM_V3).packages)).toEqual([
      'cookie@0.5.0 [express > cookie] :31',
      'express@4.18.2 [express] :18',
      'lodash@4.17.19 [@acme/lib > lodash] :61',
      'minimist@0.2.0 dev [mocha > minimist] :42',
      'minimist@1.2.5 dev [minimist] :46',
      'mocha@10.2.0 dev [mocha] :35',
      'qs@6.11.0 [express > qs] :27',
    ]);
  });

  it('v1: flattens nested dependencies and takes roots from package.json', () => {
    const v1 = JSON.stringify({
      name: 'app',
      lockfileVersion: 1,
      requires: true,
      dependencies: {
        'node-fetch': { version: '2.6.1', requires: { 'whatwg-url': '^5.0.0' } },
        'whatwg-url': { version: '5.0.0' },
        json5: { version: '1.0.1', dev: true, dependencies: { minimist: { version: '1.2.0', dev: true } }, requires: { minimist: '^1.2.0' } },
      },
    });
    const manifest = JSON.stringify({ dependencies: { 'node-fetch': '^2.6.0' }, devDependencies: { json5: '^1.0.0' } });
    expect(summary(readLockfile('sub/npm-shrinkwrap.json', v1, manifest).packages)).toEqual([
      'json5@1.0.1 dev [json5]',
      'minimist@1.2.0 dev [json5 > minimist]',
      'node-fetch@2.6.1 [node-fetch]',
      'whatwg-url@5.0.0 [node-fetch > whatwg-url]',
    ]);
  });

  it('says what is wrong with a broken or unknown lockfile', () => {
    expect(() => readLockfile('package-lock.json', '{"lockfileVersion": 3,')).toThrow(/not valid JSON.*regenerate/);
    expect(() => readLockfile('package-lock.json', '{"lockfileVersion": 7, "packages": {}}')).toThrow(LockfileError);
  });
});

describe('pnpm-lock.yaml', () => {
  it('v9: walks importers through snapshots, peers stripped, dev from reachability', () => {
    expect(summary(readLockfile('pnpm-lock.yaml', PNPM_V9).packages)).toEqual([
      'axios@1.7.2 [axios] :30',
      'debug@4.3.4 [axios > follow-redirects > debug] :33',
      'follow-redirects@1.15.6 [axios > follow-redirects] :36',
      'semver@7.5.1 dev [semver] :39',
      'ws@8.17.0 [ws] :44',
    ]);
  });

  it('v6: single-project layout with /name@version keys and pnpm dev flags', () => {
    expect(summary(readLockfile('pnpm-lock.yaml', PNPM_V6).packages)).toEqual([
      '@types/node@20.11.0 dev [@types/node] :19',
      'cookie@0.6.0 [express > cookie] :32',
      'express@5.0.0-beta.1 [express] :25',
      'undici-types@5.26.5 dev [@types/node > undici-types] :36',
    ]);
  });

  it('v5: /name/version keys with _peer suffixes', () => {
    const v5 = [
      'lockfileVersion: 5.4',
      '',
      'specifiers:',
      '  ws: ^7.0.0',
      '',
      'dependencies:',
      '  ws: 7.5.9_bufferutil@4.0.7',
      '',
      'packages:',
      '',
      '  /bufferutil/4.0.7:',
      '    resolution: {integrity: sha512-aaa}',
      '    dev: false',
      '',
      '  /ws/7.5.9_bufferutil@4.0.7:',
      '    resolution: {integrity: sha512-bbb}',
      '    dependencies:',
      '      bufferutil: 4.0.7',
      '    dev: false',
      '',
    ].join('\n');
    expect(summary(readLockfile('pnpm-lock.yaml', v5).packages)).toEqual(['bufferutil@4.0.7 [ws > bufferutil] :11', 'ws@7.5.9 [ws] :15']);
  });

  it('rejects YAML that is not a pnpm lockfile', () => {
    expect(() => readLockfile('pnpm-lock.yaml', 'foo: [')).toThrow(/not valid YAML/);
    expect(() => readLockfile('pnpm-lock.yaml', 'foo: bar\n')).toThrow(/no lockfileVersion/);
  });
});

describe('yarn.lock', () => {
  it('classic v1: roots and dev from package.json, multi-specifier headers', () => {
    const manifest = JSON.stringify({ dependencies: { qs: '~6.5.2' }, devDependencies: { '@babel/core': '^7.0.0' } });
    expect(summary(readLockfile('yarn.lock', YARN_CLASSIC, manifest).packages)).toEqual([
      '@babel/core@7.22.5 dev [@babel/core] :5',
      'json5@2.2.1 dev [@babel/core > json5] :13',
      'qs@6.5.2 [qs] :18',
      'semver@6.3.0 dev [@babel/core > semver] :23',
    ]);
  });

  it('classic v1 without package.json: unrequired entries are the direct ones', () => {
    expect(summary(readLockfile('yarn.lock', YARN_CLASSIC).packages)).toContain('json5@2.2.1 [@babel/core > json5] :13');
  });

  it('berry: workspace entries are roots, dev names from package.json', () => {
    const manifest = JSON.stringify({ dependencies: { axios: '^1.5.0' }, devDependencies: { lodash: '4.17.20' } });
    expect(summary(readLockfile('yarn.lock', YARN_BERRY, manifest).packages)).toEqual([
      'axios@1.5.0 [axios] :17',
      'follow-redirects@1.15.2 [axios > follow-redirects] :26',
      'lodash@4.17.20 dev [lodash] :36',
    ]);
  });
});

describe('Python lockfiles', () => {
  it('requirements: exact pins only, extras/markers/hashes/continuations handled, unpinned listed', () => {
    const text = [
      '# production',
      'Django==3.2.13  # pinned',
      'requests[socks]==2.30.0 ; python_version >= "3.8" \\',
      '    --hash=sha256:aaa',
      'PyYAML===5.3.1',
      'flask>=2.0',
      '-r other.txt',
      '-e git+https://example.invalid/x.git#egg=x',
      'urllib3 == 1.26.16 --hash=sha256:bbb --hash=sha256:ccc',
      'numpy==1.*',
    ].join('\n');
    const parsed = readLockfile('requirements.txt', text);
    expect(summary(parsed.packages)).toEqual(['Django@3.2.13 [Django] :2', 'PyYAML@5.3.1 [PyYAML] :5', 'requests@2.30.0 [requests] :3', 'urllib3@1.26.16 [urllib3] :9']);
    expect(parsed.unpinned).toEqual([{ name: 'flask', line: 6 }, { name: 'numpy', line: 10 }]);
  });

  it('requirements-dev.txt holds dev dependencies', () => {
    expect(readLockfile('requirements-dev.txt', 'pytest==7.0.0\n').packages[0]!.dev).toBe(true);
    expect(readLockfile('requirements.txt', 'pytest==7.0.0\n').packages[0]!.dev).toBe(false);
  });

  it('poetry.lock: packages, dependency edges, category and groups for dev', () => {
    const text = `# This file is automatically @generated by Poetry 1.8.2 and should not be changed by hand.

[[package]]
name = "requests"
version = "2.30.0"
description = "Python HTTP for Humans."
optional = false
python-versions = ">=3.7"
files = [
    {file = "requests-2.30.0-py3-none-any.whl", hash = "sha256:aaa"},
]

[package.dependencies]
certifi = ">=2017.4.17"
urllib3 = ">=1.21.1,<3"

[package.extras]
socks = ["PySocks (>=1.5.6,!=1.5.7)"]

[[package]]
name = "urllib3"
version = "2.0.5"
description = "HTTP library"
optional = false
python-versions = ">=3.7"
files = []

[[package]]
name = "certifi"
version = "2023.7.22"
description = "certs"
optional = false
python-versions = ">=3.6"
files = []

[[package]]
name = "pytest"
version = "7.4.0"
description = "testing"
optional = false
python-versions = ">=3.7"
groups = ["dev"]
files = []

[metadata]
lock-version = "2.0"
python-versions = "^3.11"
content-hash = "abc"
`;
    expect(summary(readLockfile('poetry.lock', text).packages)).toEqual([
      'certifi@2023.7.22 [requests > certifi] :28',
      'pytest@7.4.0 dev [pytest] :36',
      'requests@2.30.0 [requests] :3',
      'urllib3@2.0.5 [requests > urllib3] :20',
    ]);
  });

  it('uv.lock: the virtual project is the root, dev-dependencies are dev', () => {
    const text = `version = 1
requires-python = ">=3.12"

[[package]]
name = "app"
version = "0.1.0"
source = { virtual = "." }
dependencies = [
    { name = "jinja2" },
]

[package.dev-dependencies]
dev = [
    { name = "pytest" },
]

[package.metadata]
requires-dist = [{ name = "jinja2", specifier = ">=3" }]

[[package]]
name = "jinja2"
version = "3.1.2"
source = { registry = "https://pypi.example/simple" }
dependencies = [
    { name = "markupsafe" },
]
sdist = { url = "https://files.example/jinja2-3.1.2.tar.gz", hash = "sha256:aaa", size = 1 }

[[package]]
name = "markupsafe"
version = "2.1.3"
source = { registry = "https://pypi.example/simple" }

[[package]]
name = "pytest"
version = "8.0.0"
source = { registry = "https://pypi.example/simple" }
`;
    expect(summary(readLockfile('uv.lock', text).packages)).toEqual([
      'jinja2@3.1.2 [jinja2] :20',
      'markupsafe@2.1.3 [jinja2 > markupsafe] :29',
      'pytest@8.0.0 dev [pytest] :34',
    ]);
  });

  it('Pipfile.lock: default and develop sections', () => {
    const text = JSON.stringify(
      { _meta: { hash: { sha256: 'x' } }, default: { django: { hashes: [], version: '==4.0.5' } }, develop: { flask: { version: '==2.2.0' } } },
      null,
      4,
    );
    expect(summary(readLockfile('Pipfile.lock', text).packages)).toEqual(['django@4.0.5 [django] :8', 'flask@2.2.0 dev [flask] :14']);
  });
});

describe('lockfileKind', () => {
  it('knows each lockfile by name', () => {
    expect(['a/package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'requirements-test.txt', 'poetry.lock', 'uv.lock', 'Pipfile.lock', 'Cargo.lock'].map(lockfileKind)).toEqual([
      'npm', 'npm', 'pnpm', 'yarn', 'requirements', 'poetry', 'uv', 'pipenv', undefined,
    ]);
  });
});
