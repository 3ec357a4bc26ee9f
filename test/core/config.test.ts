import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, resolveConfig } from '../../src/core/config.js';
import { UsageError } from '../../src/core/errors.js';
import { tempDir } from '../helpers/repo.js';

function usageError(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe('config', () => {
  it('fills every default from the schema', () => {
    const config = resolveConfig({});
    expect(config.onError).toBe('fail');
    expect(config.maxFileSize).toBe(1024 * 1024);
    expect(config.gates.secrets.failOn).toEqual({ severity: 'low', confidence: 'medium' });
    expect(config.gates.audit.failOn).toBe('critical');
    expect(config.gates['env-ignore'].enabled).toBe(true);
    expect(config.hooks['pre-commit']).toEqual(['secrets', 'env-ignore']);
    expect(config.ci).toContain('budget');
    expect(config.explicitGates.size).toBe(0);
  });

  it('remembers which gates the user configured explicitly', () => {
    const config = resolveConfig({ gates: { coverage: { min: 50 } as never } });
    expect([...config.explicitGates]).toEqual(['coverage']);
  });

  it('rejects unknown keys and bad values with the JSON path of each', () => {
    const error = usageError(() => resolveConfig({ gates: { secrets: { failOn: 'sometimes', colour: 'red' } }, extra: 1 } as never, 'wfo-gate.config.json'));
    expect(error.details).toEqual(
      expect.arrayContaining([
        'wfo-gate.config.json: /extra: unknown key "extra"',
        expect.stringMatching(/^wfo-gate\.config\.json: \/gates\/secrets\/failOn: must be one of/),
        'wfo-gate.config.json: /gates/secrets/colour: unknown key "colour"',
      ]),
    );
  });

  it('rejects an unknown gate in a hook list', () => {
    const error = usageError(() => resolveConfig({ hooks: { 'pre-commit': ['secrets', 'lint'] } } as never, 'c.json'));
    expect(error.details.join('\n')).toMatch(/\/hooks\/pre-commit\/1: must be one of/);
  });

  it('reads the "wfo-gate" key of package.json when there is no config file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', 'wfo-gate': { onError: 'warn' } }));
    expect(loadConfig({ root: dir }).onError).toBe('warn');
  });

  it('prefers wfo-gate.config.json over package.json', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ 'wfo-gate': { onError: 'warn' } }));
    writeFileSync(join(dir, 'wfo-gate.config.json'), JSON.stringify({ onError: 'fail' }));
    expect(loadConfig({ root: dir }).onError).toBe('fail');
  });

  it('says where malformed JSON is and what to do', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'wfo-gate.config.json'), '{ "onError": "warn", }');
    const error = usageError(() => loadConfig({ root: dir }));
    expect(error.message).toMatch(/wfo-gate\.config\.json: not valid JSON/);
    expect(error.details.join(' ')).toMatch(/init --force/);
  });

  it('names a missing --config file', () => {
    const error = usageError(() => loadConfig({ root: tempDir(), file: '/nonexistent/cfg.json' }));
    expect(error.message).toMatch(/\/nonexistent\/cfg\.json: cannot read the configuration file \(ENOENT\)/);
  });
});
