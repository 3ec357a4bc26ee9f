/**
 * An upper bound on how many characters a regex can span, look-arounds included, or Infinity
 * when it has an unbounded repetition. The engine searches that far around each keyword
 * occurrence. It reads the regex syntax the rules use (groups, classes, escapes, bounded and
 * unbounded quantifiers, alternation); anything it does not know counts as unbounded.
 */
export function regexReach(source: string): number {
  let i = 0;
  const BACKREFERENCE = 256;

  function sequence(): number {
    let best = 0; // max over alternatives
    let current = 0;
    while (i < source.length && source[i] !== ')') {
      if (source[i] === '|') {
        best = Math.max(best, current);
        current = 0;
        i++;
        continue;
      }
      const width = atom();
      current += width * quantifier();
    }
    return Math.max(best, current);
  }

  function atom(): number {
    const c = source[i];
    if (c === '(') {
      i++;
      if (source[i] === '?') {
        i++;
        if (source[i] === '<' && source[i + 1] !== '=' && source[i + 1] !== '!') {
          i = source.indexOf('>', i) + 1; // named group
        } else {
          i += source[i] === '<' ? 2 : 1; // (?: (?= (?! (?<= (?<!
        }
      }
      const inner = sequence();
      i++; // ')'
      return inner;
    }
    if (c === '[') {
      i++;
      if (source[i] === '^') i++;
      if (source[i] === ']') i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
      return 1;
    }
    if (c === '\\') {
      const next = source[i + 1];
      if (next === 'k') {
        i = source.indexOf('>', i) + 1;
        return BACKREFERENCE;
      }
      i += 2;
      if (next === 'b' || next === 'B') return 0;
      if (next === 'x') i += 2;
      else if (next === 'u') i += source[i] === '{' ? source.indexOf('}', i) - i + 1 : 4;
      return 1;
    }
    i++;
    return c === '^' || c === '$' ? 0 : 1;
  }

  function quantifier(): number {
    const c = source[i];
    let factor = 1;
    if (c === '*' || c === '+') {
      factor = Infinity;
      i++;
    } else if (c === '?') {
      i++;
    } else if (c === '{') {
      const close = source.indexOf('}', i);
      const body = source.slice(i + 1, close);
      if (!/^\d+(?:,\d*)?$/.test(body)) return 1; // a literal brace
      const [min, max] = body.split(',');
      factor = max === undefined ? Number(min) : max === '' ? Infinity : Number(max);
      i = close + 1;
    } else {
      return 1;
    }
    if (source[i] === '?') i++; // lazy
    return factor;
  }

  const reach = sequence();
  return i < source.length ? Infinity : reach;
}
