import { appendFileSync, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * External tools the suite runs for real (coverage.py, Go, JaCoCo, bandit, diff-cover …).
 * Under CI (`CI=true`) a missing tool fails the tests that need it, naming the tool and the
 * command that installs it; never a silent swap for committed output. On a developer's
 * machine a test may fall back to committed output, but only with a printed notice that the
 * summary reporter counts (WFO_TOOL_NOTICES, set by test/global-setup.ts).
 */
export interface Tool {
  /** What the user knows it as, e.g. `coverage.py`. */
  name: string;
  /** The commands it needs on PATH. */
  commands: string[];
  /** Other files it needs (jars). */
  files?: string[];
  /** How to install it, e.g. `apt-get install python3-coverage`. */
  install: string;
}

export const TOOLS = {
  coveragePy: { name: 'coverage.py', commands: ['python3-coverage'], install: 'apt-get install python3-coverage' },
  go: { name: 'Go', commands: ['go'], install: 'apt-get install golang-go' },
  jacoco: {
    name: 'JaCoCo',
    commands: ['javac', 'java'],
    files: ['org.jacoco.agent', 'org.jacoco.core', 'org.jacoco.report', 'asm', 'asm-commons', 'asm-tree'].map((j) => `/usr/share/java/${j}.jar`),
    install: 'apt-get install libjacoco-java openjdk-17-jdk-headless',
  },
  bandit: { name: 'bandit', commands: ['bandit'], install: 'apt-get install bandit' },
  diffCover: { name: 'diff-cover', commands: ['diff-cover'], install: 'apt-get install diff-cover' },
  keytool: { name: 'keytool', commands: ['keytool'], install: 'apt-get install openjdk-17-jdk-headless' },
  openssl: { name: 'openssl', commands: ['openssl'], install: 'apt-get install openssl' },
} satisfies Record<string, Tool>;

/** Whether `command` is an executable file in one of PATH's folders (what execFile would find). */
export function onPath(command: string, path = process.env.PATH ?? ''): boolean {
  return path.split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, command)));
}

/** The parts of `tool` that are missing: commands not on PATH, files that do not exist. */
export function missingParts(tool: Tool): string[] {
  return [...tool.commands.filter((c) => !onPath(c)), ...(tool.files ?? []).filter((f) => !existsSync(f))];
}

export class MissingToolError extends Error {
  override name = 'MissingToolError';
}

function missingMessage(tool: Tool, missing: string[]): string {
  return `${tool.name} is not installed (missing: ${missing.join(', ')}); install it with: ${tool.install}`;
}

/** Throws a MissingToolError naming the tool and its install command when any part of it is missing. */
export function requireTool(tool: Tool): void {
  const missing = missingParts(tool);
  if (missing.length > 0) throw new MissingToolError(missingMessage(tool, missing));
}

/**
 * Whether to run `tool` live. When it is missing: under CI, throws (the test fails naming the
 * tool); elsewhere prints and records a notice that `what` falls back, and returns false.
 */
export function liveOrNotice(tool: Tool, what: string): boolean {
  const missing = missingParts(tool);
  if (missing.length === 0) return true;
  if (process.env.CI === 'true') throw new MissingToolError(missingMessage(tool, missing));
  const notice = `NOTICE: ${missingMessage(tool, missing)}; ${what} uses committed output instead of a live run`;
  process.stderr.write(`${notice}\n`);
  if (process.env.WFO_TOOL_NOTICES) appendFileSync(process.env.WFO_TOOL_NOTICES, `${notice}\n`);
  return false;
}
