import { lstat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import picomatch from 'picomatch';
import { fingerprint } from '../../core/fingerprint.js';
import { checkIgnored } from '../../core/git.js';
import type { Finding, Gate, GateCommonOptions, RuleInfo, ScopeFile } from '../../core/types.js';

export interface EnvIgnoreOptions extends GateCommonOptions {
  patterns: string[];
  allow: string[];
  worldWritable: boolean;
}

const RULES: RuleInfo[] = [
  {
    gate: 'env-ignore',
    id: 'env-file-tracked',
    title: 'Environment file committed or staged',
    severity: 'critical',
    description: 'A .env file is tracked by git or staged for commit: whatever it holds goes to everyone with the repository.',
  },
  {
    gate: 'env-ignore',
    id: 'env-file-not-ignored',
    title: 'Environment file not covered by .gitignore',
    severity: 'high',
    description: 'An untracked .env file that .gitignore does not cover: the next `git add -A` commits it.',
  },
  {
    gate: 'env-ignore',
    id: 'world-writable-file',
    title: 'World-writable file',
    severity: 'low',
    description: 'Any user on the machine can change this file (mode o+w).',
  },
];

const rule = (id: string) => RULES.find((r) => r.id === id)!;

const gate: Gate<EnvIgnoreOptions> = {
  id: 'env-ignore',
  title: '.env files and permissions',
  rules: () => RULES,
  async run({ scope, options }) {
    if (!scope.isGitRepo) {
      return { findings: [], status: 'skipped', summary: 'not a git repository: no file can be tracked or ignored here', rules: RULES };
    }
    const isEnvFile = picomatch(options.patterns, { dot: true, basename: true });
    const isTemplate = picomatch(options.allow, { dot: true, basename: true });
    const candidates = scope.files.filter((f) => isEnvFile(basename(f.path)) && !isTemplate(basename(f.path)));
    const ignored = await checkIgnored(scope.root, candidates.map((f) => f.path));
    const findings: Finding[] = candidates.map((file) => envFinding(file, ignored.has(file.path), scope.kind === 'staged'));

    if (options.worldWritable && scope.source === 'worktree') findings.push(...(await worldWritable(scope.root, scope.files)));

    const envCount = candidates.length;
    return {
      findings,
      rules: RULES,
      metrics: { 'env-ignore.candidates': envCount },
      summary: envCount === 0 ? 'no .env file in scope' : `${envCount} .env file(s) exposed`,
    };
  },
};

function envFinding(file: ScopeFile, coveredByGitignore: boolean, staged: boolean): Finding {
  const line = gitignoreLine(file.path);
  if (file.tracked) {
    return fileFinding('env-file-tracked', file.path, {
      message: `${file.path} is ${staged ? 'staged for commit' : 'tracked by git'}: environment files hold secrets`,
      fix: `git rm --cached -- ${shellQuote(file.path)}${coveredByGitignore ? '' : `, add \`${line}\` to .gitignore`}, and rotate every secret it held`,
      isNew: file.changed ? true : undefined,
    });
  }
  return fileFinding('env-file-not-ignored', file.path, {
    message: `${file.path} is not covered by .gitignore: the next \`git add -A\` commits it`,
    fix: `add \`${line}\` to .gitignore`,
  });
}

/** A finding about a whole file: no line, fingerprinted by rule and path. */
function fileFinding(ruleId: string, path: string, detail: Pick<Finding, 'message' | 'fix' | 'isNew'>): Finding {
  const r = rule(ruleId);
  return { gate: 'env-ignore', ruleId: r.id, severity: r.severity, file: path, fingerprint: fingerprint('env-ignore', r.id, path, path), ...detail };
}

async function worldWritable(root: string, files: readonly ScopeFile[]): Promise<Finding[]> {
  const found: Finding[] = [];
  await Promise.all(
    files.map(async (file) => {
      try {
        const stat = await lstat(join(root, file.path));
        if (stat.isFile() && (stat.mode & 0o002) !== 0) {
          found.push(
            fileFinding('world-writable-file', file.path, {
              message: `${file.path} is world-writable (mode ${(stat.mode & 0o777).toString(8)})`,
              fix: `chmod o-w -- ${shellQuote(file.path)}`,
            }),
          );
        }
      } catch {
        // Deleted or unreadable between listing and stat: nothing to judge.
      }
    }),
  );
  return found.sort((a, b) => (a.file! < b.file! ? -1 : 1));
}

/** The .gitignore line that covers exactly this path, with gitignore's special characters escaped. */
export function gitignoreLine(path: string): string {
  const escaped = path.replace(/[\\*?[\]!#]/g, (c) => `\\${c}`).replace(/ $/, '\\ ');
  return `/${escaped}`;
}

function shellQuote(path: string): string {
  return /^[\w./@+-]+$/.test(path) && !path.startsWith('-') ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

export default gate;
