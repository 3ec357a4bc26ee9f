/**
 * Rewrites a rule regex into an ASCII-only equivalent. ast-grep compiles a rule's regexes on
 * every matches() call, and Unicode-aware `\w`, `\s`, `\b` and `(?i)` cost up to milliseconds
 * each to compile there; ASCII classes cost microseconds. Code identifiers and the keywords rules
 * look for are ASCII, so the meaning for rules is unchanged.
 */
export function asciiRegex(source: string): string {
  let out = '';
  let fold = false;
  let inClass = false;
  const stack: boolean[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[++i];
      if (next === 's') out += inClass ? ' \\t\\r\\n' : '[ \\t\\r\\n]';
      else if (next === 'w') out += inClass ? 'A-Za-z0-9_' : '[A-Za-z0-9_]';
      else if (next === 'S' && !inClass) out += '[^ \\t\\r\\n]';
      else if (next === 'b' && !inClass) out += '(?-u:\\b)';
      else out += `\\${next}`;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      const inRange = source[i - 1] === '-' || source[i + 1] === '-';
      out += fold && /[a-zA-Z]/.test(c) && !inRange ? c.toLowerCase() + c.toUpperCase() : c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (source[i + 1] === '^') out += source[++i];
      continue;
    }
    if (source.startsWith('(?i)', i)) {
      fold = true;
      i += 3;
      continue;
    }
    if (source.startsWith('(?i:', i)) {
      stack.push(fold);
      fold = true;
      out += '(?:';
      i += 3;
      continue;
    }
    if (c === '(') {
      stack.push(fold);
      // A group's flags and name ((?s: (?: (?P<n>) are syntax, never letters to fold.
      const header = /^\(\?[^:)]*[:)]?/.exec(source.slice(i))?.[0] ?? '(';
      out += header;
      i += header.length - 1;
      if (header.endsWith(')')) fold = stack.pop() ?? false;
      continue;
    }
    if (c === ')') fold = stack.pop() ?? false;
    out += fold && /[a-zA-Z]/.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c;
  }
  return out;
}

/** The same rule object with every `regex` rewritten by asciiRegex. */
export function withAsciiRegexes<T>(rule: T): T {
  if (Array.isArray(rule)) return rule.map((r) => withAsciiRegexes(r)) as T;
  if (rule === null || typeof rule !== 'object') return rule;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rule)) {
    out[key] = key === 'regex' && typeof value === 'string' ? asciiRegex(value) : withAsciiRegexes(value);
  }
  return out as T;
}
