// Mutation check for the behaviours issue #20 names: applies each change below to the source,
// one at a time (text replacement, restored in `finally`), runs the test files that must catch
// it, and reports the mutants that survive (the tests stayed green). Exit 1 if any survives.
// Run: node scripts/mutants.mjs [name-filter]   (uses WFO_SKIP_BUILD=1: these tests read src/)
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const RUNNER = 'test/core/runner.test.ts';

/** Each mutant: the file, the exact text and what it becomes, and the tests that must fail. */
const MUTANTS = [
  {
    name: 'runGates runs the gates one after another',
    file: 'src/core/runner.ts',
    from: 'const gates = await Promise.all(here.map((id) => runOne(id, scope, splitsAcrossShards(id) ? part : scope, config, baseline, options.loadGate ?? loadGate)));',
    to: 'const gates: GateResult[] = [];\n  for (const id of here) gates.push(await runOne(id, scope, splitsAcrossShards(id) ? part : scope, config, baseline, options.loadGate ?? loadGate));',
    tests: [RUNNER],
  },
  {
    name: 'per-gate onError ignored',
    file: 'src/core/runner.ts',
    from: 'return config.gates[gate]?.onError ?? config.onError;',
    to: 'return config.onError;',
    tests: [RUNNER],
  },
  {
    name: 'fail/error precedence in the verdict swapped',
    file: 'src/core/runner.ts',
    from: "  if (gates.some((g) => g.status === 'fail')) return 'fail';\n  if (gates.some((g) => g.status === 'error' && policy(g.gate) === 'fail')) return 'error';",
    to: "  if (gates.some((g) => g.status === 'error' && policy(g.gate) === 'fail')) return 'error';\n  if (gates.some((g) => g.status === 'fail')) return 'fail';",
    tests: [RUNNER],
  },
  {
    name: 'a relaxed error no longer warns',
    file: 'src/core/runner.ts',
    from: "if (gates.some((g) => g.status === 'warn' || g.status === 'error')) return 'warn';",
    to: "if (gates.some((g) => g.status === 'warn')) return 'warn';",
    tests: [RUNNER],
  },
  {
    name: 'inline ignore: gate-id marker dropped',
    file: 'src/core/ignores.ts',
    from: 'id === ruleId || id === gate || ',
    to: 'id === ruleId || ',
    tests: [RUNNER],
  },
  {
    name: "inline ignore: '*' marker dropped",
    file: 'src/core/ignores.ts',
    from: " || id === '*')",
    to: ')',
    tests: [RUNNER],
  },
  {
    name: 'inline ignore: comma list dropped',
    file: 'src/core/ignores.ts',
    from: "const ids = (own[1] ?? '').split(',').filter(Boolean);",
    to: "const ids = [own[1] ?? ''].filter(Boolean);",
    tests: [RUNNER],
  },
  {
    name: 'inline ignore: line above no longer read',
    file: 'src/core/ignores.ts',
    from: 'for (const candidate of [lines[line - 1], lines[line - 2]])',
    to: 'for (const candidate of [lines[line - 1]])',
    tests: [RUNNER],
  },
  {
    name: '# nosec marker neutered',
    file: 'src/core/ignores.ts',
    from: 'pattern: /#\\s*nosec\\b/',
    to: 'pattern: /#\\s*nosec-never\\b/',
    tests: [RUNNER],
  },
  {
    name: 'pragma: allowlist secret marker neutered',
    file: 'src/core/ignores.ts',
    from: 'pattern: /pragma:\\s*allowlist[ -]secret/',
    to: 'pattern: /pragma:\\s*allowlist-never/',
    tests: [RUNNER],
  },
  {
    name: 'nosemgrep marker neutered',
    file: 'src/core/ignores.ts',
    from: 'pattern: /\\bnosemgrep\\b/',
    to: 'pattern: /\\bnosemgrep-never\\b/',
    tests: [RUNNER],
  },
  {
    name: 'peer markers speak for every gate',
    file: 'src/core/ignores.ts',
    from: 'if (marker.gates.includes(gate) && marker.pattern.test(text))',
    to: 'if (marker.pattern.test(text))',
    tests: [RUNNER],
  },
  {
    name: 'patch coverage pct < patchMin -> <=',
    file: 'src/gates/coverage/coverage-gate.ts',
    from: 'if (pct < o.patchMin)',
    to: 'if (pct <= o.patchMin)',
    tests: ['test/coverage/gate.test.ts'],
  },
  {
    name: 'total coverage >= threshold -> >',
    file: 'src/gates/coverage/thresholds.ts',
    from: 'return (percent(counter) ?? 0) >= threshold;',
    to: 'return (percent(counter) ?? 0) > threshold;',
    tests: ['test/coverage/gate.test.ts'],
  },
  {
    name: "every secret rule's capture widened to the whole match",
    file: 'src/gates/secrets/engine.ts',
    from: '  const named = m.groups?.secret;\n',
    to: '  if (m.length >= 0) return { secret: m[0], span: m.indices![0] };\n  const named = m.groups?.secret;\n',
    tests: ['test/secrets/rules.test.ts'],
  },
];

const filter = process.argv[2];
const survivors = [];
for (const mutant of MUTANTS.filter((m) => !filter || m.name.includes(filter))) {
  const path = join(root, mutant.file);
  const original = readFileSync(path, 'utf8');
  if (original.split(mutant.from).length !== 2) {
    survivors.push(`${mutant.name}: the text to mutate is not (exactly once) in ${mutant.file}; update this script`);
    continue;
  }
  try {
    writeFileSync(path, original.replace(mutant.from, mutant.to));
    const run = spawnSync('npx', ['vitest', 'run', ...mutant.tests], { cwd: root, encoding: 'utf8', env: { ...process.env, WFO_SKIP_BUILD: '1', FORCE_COLOR: '0' } });
    const summary = /(\d+) passed, (\d+) failed, (\d+) skipped/.exec(run.stdout);
    const failed = summary ? Number(summary[2]) : 0;
    const killed = run.status !== 0;
    console.log(`${killed ? 'killed  ' : 'SURVIVED'} ${mutant.name} (${mutant.tests.join(', ')}: ${summary ? `${failed} failed of ${Number(summary[1]) + failed}` : `exit ${run.status}`})`);
    if (!killed) survivors.push(mutant.name);
  } finally {
    writeFileSync(path, original);
  }
}
if (survivors.length > 0) {
  console.log(`\n${survivors.length} survivor(s):\n${survivors.map((s) => `  ${s}`).join('\n')}`);
  process.exitCode = 1;
} else console.log('\nno survivors');
