// What kind of project a directory holds, read from the files at its root: the languages (by
// their manifests), the Node package manager and test runner. `init` uses it to write only the
// gates that have something to check, the coverage gate to give advice in the repo's language.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Language = 'javascript' | 'python' | 'go' | 'java';
export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

export interface Project {
  /** Languages in a stable order (javascript, python, go, java). */
  languages: Language[];
  /** package.json, parsed; undefined without one (or when it is not valid JSON). */
  packageJson?: { scripts?: Record<string, unknown>; dependencies?: Record<string, unknown>; devDependencies?: Record<string, unknown> };
  packageManager?: PackageManager;
}

const MANIFESTS: Array<[Language, RegExp]> = [
  ['javascript', /^package\.json$/],
  ['python', /^(?:pyproject\.toml|setup\.py|setup\.cfg|Pipfile|requirements[^/]*\.txt|poetry\.lock|uv\.lock)$/],
  ['go', /^go\.mod$/],
  ['java', /^(?:pom\.xml|build\.gradle(?:\.kts)?)$/],
];

const LOCKFILE_MANAGER: Array<[string, PackageManager]> = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

export function readProject(root: string): Project {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    names = [];
  }
  const languages = MANIFESTS.filter(([, re]) => names.some((n) => re.test(n))).map(([language]) => language);
  const project: Project = { languages };
  if (names.includes('package.json')) {
    try {
      project.packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8').replace(/^\uFEFF/, ''));
    } catch {
      // An unreadable package.json is reported by whatever needs it; here it only means "no facts".
    }
    project.packageManager = packageManagerOf(root, project.packageJson as { packageManager?: unknown } | undefined);
  }
  return project;
}

function packageManagerOf(root: string, pkg: { packageManager?: unknown } | undefined): PackageManager {
  const declared = typeof pkg?.packageManager === 'string' ? /^(npm|pnpm|yarn|bun)@/.exec(pkg.packageManager)?.[1] : undefined;
  if (declared) return declared as PackageManager;
  return LOCKFILE_MANAGER.find(([file]) => existsSync(join(root, file)))?.[1] ?? 'npm';
}

function hasDependency(project: Project, name: string): boolean {
  const pkg = project.packageJson;
  return Boolean(pkg?.devDependencies?.[name] ?? pkg?.dependencies?.[name]);
}

/**
 * The command that makes a coverage report the gate reads, when the project's own tools can:
 * vitest with a coverage provider, jest, c8 or nyc in package.json. Undefined when nothing
 * installed would write one.
 */
export function coverageCommand(project: Project): string | undefined {
  const run = project.packageManager === 'npm' || !project.packageManager ? 'npx' : project.packageManager === 'pnpm' ? 'pnpm exec' : project.packageManager === 'bun' ? 'bunx' : 'yarn';
  if (hasDependency(project, 'vitest') && (hasDependency(project, '@vitest/coverage-v8') || hasDependency(project, '@vitest/coverage-istanbul'))) {
    return `${run} vitest run --coverage --coverage.reporter=lcov`;
  }
  if (hasDependency(project, 'jest')) return `${run} jest --coverage --coverageReporters=lcov`;
  const test = typeof project.packageJson?.scripts?.test === 'string' ? project.packageJson.scripts.test : undefined;
  const pm = project.packageManager ?? 'npm';
  if (test && hasDependency(project, 'c8')) return `${run} c8 --reporter=lcov ${pm} test`;
  if (test && hasDependency(project, 'nyc')) return `${run} nyc --reporter=lcov ${pm} test`;
  return undefined;
}

/** How to make a coverage report, in the project's language (one clause, for an error or a hint). */
export function coverageAdvice(project: Project): string {
  const known = coverageCommand(project);
  if (known) return `\`${known}\``;
  const ways: Record<Language, string> = {
    javascript: '`npx vitest run --coverage --coverage.reporter=lcov` (or `npx c8 --reporter=lcov npm test`)',
    python: '`python3 -m coverage run -m pytest && python3 -m coverage json` (coverage.py writes coverage.json)',
    go: '`go test -coverprofile=coverage.out ./...`',
    java: 'the JaCoCo plugin (`mvn test jacoco:report`, or `gradle test jacocoTestReport`)',
  };
  const found = project.languages.map((language) => ways[language]);
  return found.length ? found.join('; ') : 'your test command with coverage on, writing lcov, Cobertura, coverage.py JSON, a Go coverprofile or JaCoCo XML';
}
