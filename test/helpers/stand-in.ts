import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './repo.js';

/**
 * Stand-ins for tools that cannot be installed here (semgrep, pip-audit: PyPI is out of reach).
 * A stand-in is not a fixed-output script: it parses its arguments against the tool's documented
 * CLI and exits with the tool's usage-error code on an unknown flag, a bad value or a wrong
 * combination, so a change in how we call the tool fails a test instead of passing unseen.
 */
export interface CliSpec {
  tool: string;
  /** Exit code the tool uses for usage errors (Click and argparse: 2). */
  usageExit: number;
  /** The subcommand that must come first, if any (`semgrep scan`). */
  subcommand?: string;
  /** Flag -> what it takes: null (a switch), 'value' (any), or the allowed values. Aliases map to the same spec. */
  flags: Record<string, null | 'value' | string[]>;
  /** Groups of flags of which at most one may be given. */
  exclusive?: string[][];
  /** [flag, flags one of which it needs]. */
  requires?: [string, string[]][];
  /** Whether positional arguments (targets) are accepted. */
  positional: boolean;
}

/** semgrep 1.x `semgrep scan` (semgrep.dev/docs/cli-reference), the flags a scan from CI uses. */
export const SEMGREP_SCAN: CliSpec = {
  tool: 'semgrep',
  usageExit: 2,
  subcommand: 'scan',
  flags: {
    '--config': 'value', '-c': 'value', '--json': null, '--sarif': null, '--text': null, '--emacs': null, '--vim': null, '--junit-xml': null, '--gitlab-sast': null,
    '--metrics': ['auto', 'on', 'off'], '--disable-version-check': null, '--quiet': null, '-q': null, '--verbose': null, '-v': null, '--debug': null,
    '--exclude': 'value', '--include': 'value', '--timeout': 'value', '--jobs': 'value', '-j': 'value', '--max-target-bytes': 'value',
    '--output': 'value', '-o': 'value', '--json-output': 'value', '--sarif-output': 'value', '--error': null, '--no-git-ignore': null,
    '--severity': ['INFO', 'WARNING', 'ERROR'], '--baseline-commit': 'value', '--oss-only': null, '--pro': null,
  },
  exclusive: [['--json', '--sarif', '--text', '--emacs', '--vim', '--junit-xml', '--gitlab-sast'], ['--quiet', '-q', '--verbose', '-v', '--debug'], ['--oss-only', '--pro']],
  positional: true,
};

/** pip-audit 2.x (its --help / README "Usage"), argparse: usage errors exit 2. */
export const PIP_AUDIT: CliSpec = {
  tool: 'pip-audit',
  usageExit: 2,
  flags: {
    '-r': 'value', '--requirement': 'value', '-f': ['columns', 'json', 'cyclonedx-json', 'cyclonedx-xml', 'markdown'], '--format': ['columns', 'json', 'cyclonedx-json', 'cyclonedx-xml', 'markdown'],
    '-s': ['osv', 'pypi', 'esms'], '--vulnerability-service': ['osv', 'pypi', 'esms'], '-d': null, '--dry-run': null, '-S': null, '--strict': null,
    '--desc': ['on', 'off', 'auto'], '--aliases': ['on', 'off', 'auto'], '--cache-dir': 'value', '--progress-spinner': ['on', 'off'], '--timeout': 'value',
    '--path': 'value', '-v': null, '--verbose': null, '--fix': null, '--require-hashes': null, '--index-url': 'value', '--extra-index-url': 'value',
    '--skip-editable': null, '--no-deps': null, '-o': 'value', '--output': 'value', '--ignore-vuln': 'value', '--disable-pip': null, '-l': null, '--local': null,
  },
  // "--disable-pip: this can only be used with hashed requirements files or if --no-deps has been provided"; --no-deps needs requirements files.
  requires: [['--disable-pip', ['--no-deps', '--require-hashes']], ['--no-deps', ['-r', '--requirement']], ['--require-hashes', ['-r', '--requirement']]],
  positional: false,
};

/** The usage error the spec finds in `args`, or undefined when the tool would accept them. */
export function usageError(spec: CliSpec, args: readonly string[]): string | undefined {
  let rest = [...args];
  if (spec.subcommand) {
    if (rest[0] !== spec.subcommand) return `expected the ${spec.subcommand} subcommand first, got ${rest[0] ?? 'nothing'}`;
    rest = rest.slice(1);
  }
  const given = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('-')) {
      if (!spec.positional) return `unrecognized arguments: ${arg}`;
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!(name in spec.flags)) return `no such option: ${name}`;
    const takes = spec.flags[name];
    given.add(name);
    if (takes === null) {
      if (inline !== undefined) return `option ${name} does not take a value`;
      continue;
    }
    const value = inline ?? rest[++i];
    if (value === undefined || (inline === undefined && value.startsWith('-'))) return `option ${name} requires an argument`;
    if (Array.isArray(takes) && !takes.includes(value)) return `invalid value for ${name}: '${value}' is not one of ${takes.join(', ')}`;
  }
  for (const group of spec.exclusive ?? []) {
    const both = group.filter((f) => given.has(f));
    if (both.length > 1) return `options ${both.join(' and ')} are mutually exclusive`;
  }
  for (const [flag, needs] of spec.requires ?? []) {
    if (given.has(flag) && !needs.some((n) => given.has(n))) return `${flag} needs one of ${needs.join(', ')}`;
  }
  return undefined;
}

/**
 * Writes an executable stand-in for `spec.tool` into a new folder (put it first on PATH): it
 * answers `--version` with `version`, rejects arguments `usageError` rejects (the tool's usage
 * exit code, message on stderr) and otherwise prints `stdout` and exits with `exitCode`.
 */
export function writeStandIn(spec: CliSpec, version: string, stdout: string, exitCode = 0): string {
  const bin = tempDir(`wfo-${spec.tool}-stand-in-`);
  const script = join(bin, spec.tool);
  writeFileSync(
    script,
    `#!${process.execPath}\n` +
      `const spec = ${JSON.stringify(spec)};\n` +
      `const usageError = ${usageError.toString()};\n` +
      `const args = process.argv.slice(2);\n` +
      `if (args.length === 1 && args[0] === '--version') { console.log(${JSON.stringify(version)}); process.exit(0); }\n` +
      `const problem = usageError(spec, args);\n` +
      `if (problem) { process.stderr.write('Error: ' + problem + '\\n'); process.exit(spec.usageExit); }\n` +
      `process.stdout.write(${JSON.stringify(stdout)});\n` +
      `process.exit(${exitCode});\n`,
  );
  chmodSync(script, 0o755);
  return bin;
}
