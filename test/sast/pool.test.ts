import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileCatalogue } from '../../src/gates/sast/catalogue.js';
import { scanSource } from '../../src/gates/sast/engine.js';
import { SastPool } from '../../src/gates/sast/pool.js';
import { ALL_RULES } from '../../src/gates/sast/rules/index.js';
import { astGrep, napiLang } from '../../src/gates/sast/languages.js';
import { matchFile } from '../../src/gates/sast/scan.js';
import { tempDir } from '../helpers/repo.js';

const RULE = ALL_RULES.find((r) => r.languages.includes('javascript'))!;
const matcher = compileCatalogue([RULE], new Set(['javascript'])).get('javascript')!;
const pools: SastPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

/** A pool of one stand-in worker whose message handler is `body` (it gets `job`, replies with `reply(...)`). */
function standIn(body: string, preamble = ''): SastPool {
  const script = join(tempDir('wfo-sast-pool-'), 'worker.mjs');
  writeFileSync(script, `import { parentPort } from 'node:worker_threads';\n${preamble}\nconst reply = (m) => parentPort.postMessage(m);\nparentPort.on('message', (job) => { ${body} });\n`);
  const pool = new SastPool(script, 1, [RULE], ['javascript']);
  pools.push(pool);
  return pool;
}

describe('SAST worker pool', () => {
  it('maps the rule ids of a worker reply back to the rules', async () => {
    const pool = standIn(`reply({ id: job.id, unparsable: false, hits: [{ rule: ${JSON.stringify(RULE.id)}, line: 3, endLine: 4, column: 2, text: 'x' }] });`);
    const match = await pool.match(matcher, Buffer.from('anything'));
    expect(match.unparsable).toBe(false);
    expect(match.hits).toEqual([{ rule: RULE, line: 3, endLine: 4, column: 2, text: 'x' }]);
  });

  it('passes on a file the worker found unparsable as unparsable', async () => {
    const pool = standIn('reply({ id: job.id, unparsable: true, hits: [] });');
    await expect(pool.match(matcher, Buffer.from('a'))).resolves.toEqual({ hits: [], unparsable: true });
  });

  it('rejects a file when the worker names a rule it was not given', async () => {
    const pool = standIn(`reply({ id: job.id, hits: [{ rule: 'no-such-rule-here', line: 1, endLine: 1, column: 1, text: '' }] });`);
    await expect(pool.match(matcher, Buffer.from('a'))).rejects.toThrow(/unknown rule no-such-rule-here/);
  });

  it('rejects a file the worker reports an error for', async () => {
    const pool = standIn(`reply({ id: job.id, error: 'tree too odd' });`);
    await expect(pool.match(matcher, Buffer.from('a'))).rejects.toThrow(/SAST worker failed: tree too odd/);
  });

  it('rejects the pending file, and later ones, when the worker exits mid-job', async () => {
    const pool = standIn('process.exit(3);');
    await expect(pool.match(matcher, Buffer.from('a'))).rejects.toThrow(/exited with code 3/);
    await expect(pool.match(matcher, Buffer.from('b'))).rejects.toThrow(/exited with code 3/);
  });

  it('rejects files when the worker fails to start', async () => {
    const pool = standIn('', "throw new Error('cannot load the grammar');");
    await expect(pool.match(matcher, Buffer.from('a'))).rejects.toThrow(/SAST worker failed: cannot load the grammar|exited with code 1/);
  });
});

describe('matchFile with a synchronous parse (the worker side)', () => {
  const matchText = (m: typeof matcher, text: string) => matchFile(m, text, (source) => astGrep().parse(napiLang('javascript'), source));
  const all = compileCatalogue(ALL_RULES, new Set(['javascript'])).get('javascript')!;
  const ids = (hits: { rule: { id: string }; line: number }[]) => hits.map((h) => `${h.rule.id}@${h.line}`);

  it('finds what the in-thread scan finds, in the same order', async () => {
    const source = ["const { exec } = require('child_process');", "app.get('/r', (req, res) => {", '  exec("ls " + req.query.dir);', '  eval(req.body.code);', '});', ''].join('\n');
    const here = scanSource(all, source);
    const there = await matchText(all, source);
    expect(here.hits.length).toBeGreaterThan(0);
    expect(ids(there.hits)).toEqual(ids(here.hits));
    expect(there.unparsable).toBe(false);
  });

  it('says a file with a syntax error is unparsable, and still finds nothing in a file with no keywords', async () => {
    expect((await matchText(all, 'function (( {\n  eval(req.query.x);\n')).unparsable).toBe(true);
    expect(await matchText(all, 'const total = 1 + 2;\n')).toEqual({ hits: [], unparsable: false });
  });
});
