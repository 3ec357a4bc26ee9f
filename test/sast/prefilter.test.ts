import { describe, expect, it } from 'vitest';
import { LiteralScanner, patternWords, prefilterOf, regexClause } from '../../src/gates/sast/prefilter.js';
import { exampleCode, type SastRule } from '../../src/gates/sast/rule.js';
import { ALL_RULES } from '../../src/gates/sast/rules/index.js';

describe('SAST prefilter derived from the rules', () => {
  it('reads the literals a regex needs, and gives up where it cannot be sure', () => {
    expect(regexClause('\\.(?:fetchRows|pullRows)\\(')).toEqual(['.fetchRows(', '.pullRows(']);
    expect(regexClause('^[\'"]?tokenLifetime[\'"]?\\s*:')).toEqual(['tokenLifetime']);
    expect(regexClause('^[\'"]ftp://')).toEqual(["'ftp://", '"ftp://']);
    expect(regexClause('(?:alpha|be)Widget')).toEqual(['alphaWidget', 'beWidget']);
    // An optional part is not needed; `+` keeps one copy.
    expect(regexClause('unsafe(?:Render)?Html')).toEqual(['unsafe']);
    expect(regexClause('ab+cdef')).toEqual(['cdef']);
    // A branch with nothing literal in it makes the whole alternation need nothing.
    expect(regexClause('^(?:openDoor|\\w+)$')).toBeUndefined();
    // Case folding, escapes that read on, classes with ranges or nesting: nothing claimed.
    expect(regexClause('(?i)openDoor')).toBeUndefined();
    expect(regexClause('\\x41pple')).toBeUndefined();
    expect(regexClause('[[:alpha:]]apple')).toBeUndefined();
    expect(regexClause('[a-c]pple')).toEqual(['pple']);
    // Lookarounds are zero-width: what follows them is still needed.
    expect(regexClause('(?=x)melon')).toEqual(['melon']);
  });

  it('takes a pattern\'s plain words, never its metavariables or words touching a $', () => {
    expect(patternWords('$CLIENT.openVault($KEY, $$$REST)')).toEqual(['openVault']);
    expect(patternWords("loadPlugin('left-pad', $X)")).toEqual(['loadPlugin', 'left', 'pad']);
    expect(patternWords('$.ajax($A) + $el.ok + $$$ARGS')).toEqual(['ajax']);
  });

  it('a rule needs its keywords, and a constraint only where its metavariable is always bound', () => {
    const base: SastRule = {
      id: 'test-rule', keywords: ['vault'], class: 'other', languages: ['javascript'], severity: 'low', cwe: ['CWE-1'], title: 't', message: 'm', fix: 'f',
      rule: { any: [{ pattern: 'openVault($KEY)' }, { pattern: 'vault.open()' }] },
      constraints: { KEY: { regex: '^"hunter' } },
      examples: { match: [], noMatch: [] },
    };
    // `vault.open()` binds no $KEY, so the constraint adds nothing; the branches need openVault or vault.
    expect(prefilterOf(base)).toEqual([['vault'], ['openVault', 'vault']]);
    const bound = prefilterOf({ ...base, rule: { pattern: 'openVault($KEY)' } });
    expect(bound).toEqual([['vault'], ['openVault'], ['"hunter']]);
  });

  it('finds which of many literals occur in one pass', () => {
    const scanner = new LiteralScanner(['he', 'she', 'hers', 'his', 'é-mail', 'xyz']);
    expect([...scanner.scan('ushers')]).toEqual([1, 1, 1, 0, 0, 0]);
    expect([...scanner.scan('h\u00e9is, his é-mail')]).toEqual([0, 0, 0, 1, 1, 0]);
    expect([...scanner.scan('')]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('every match example of every rule contains what the derived prefilter asks of it', () => {
    const failures: string[] = [];
    for (const rule of ALL_RULES) {
      for (const example of rule.examples.match) {
        const code = exampleCode(example);
        const missing = prefilterOf(rule).filter((clause) => !clause.some((literal) => code.includes(literal)));
        if (missing.length > 0) failures.push(`${rule.id}: ${JSON.stringify(missing)} not in ${code}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
