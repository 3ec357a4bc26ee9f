// Building blocks the rule files share: what a literal is, what a string built at run time
// looks like, and call shapes. Rules stay data; these are only named pieces of that data.
import type { Rule } from '@ast-grep/napi';
import type { SastLanguage } from '../rule.js';

export const JS: SastLanguage[] = ['javascript', 'typescript', 'tsx'];
export const PY: SastLanguage[] = ['python'];

/** A JS/TS value fixed at write time: a string, a template without `${}`, a number. */
export const JS_LITERAL: Rule = {
  any: [{ kind: 'string' }, { kind: 'template_string', not: { has: { kind: 'template_substitution' } } }, { kind: 'number' }],
};
export const JS_NON_LITERAL: Rule = { not: JS_LITERAL };

/** A JS/TS string assembled at run time: a template with `${}`, or `'…' + x`. */
export const JS_BUILT_STRING: Rule = {
  any: [
    { kind: 'template_string', has: { kind: 'template_substitution' } },
    {
      kind: 'binary_expression',
      regex: '^\\s*[\'"`]|[\'"`]\\s*$',
      has: { field: 'operator', regex: '^\\+$' },
      not: { regex: '^(?:\\s*(?:\'[^\']*\'|"[^"]*")\\s*\\+?)+$' },
    },
    { kind: 'call_expression', regex: '^(?:[\'"`][^\\n]*\\.concat|util\\.format)\\(' },
  ],
};

/** A Python value fixed at write time. */
export const PY_LITERAL: Rule = {
  any: [
    { kind: 'string', not: { has: { kind: 'interpolation' } } },
    { kind: 'concatenated_string', not: { has: { kind: 'interpolation', stopBy: 'end' } } },
    { kind: 'integer' },
  ],
};
export const PY_NON_LITERAL: Rule = { not: PY_LITERAL };

export const PY_FSTRING: Rule = { kind: 'string', has: { kind: 'interpolation' } };
/** A literal that formats to the same text every run: a plain string or a number. */
const PY_CONSTANT_SCALAR: Rule = { any: [{ kind: 'string', not: { has: { kind: 'interpolation' } } }, { kind: 'integer' }, { kind: 'float' }] };
/** `"…" % VALUE` where VALUE is a constant or a tuple of constants (`()` included): the result is a constant too. */
const PY_CONSTANT_OPERAND: Rule = {
  any: [PY_CONSTANT_SCALAR, { kind: 'tuple', not: { has: { not: { any: [PY_CONSTANT_SCALAR, { regex: '^[(),]$' }] } } } }],
};
export const PY_PERCENT_FORMAT: Rule = {
  kind: 'binary_operator',
  all: [{ has: { field: 'operator', regex: '^%$' } }, { has: { field: 'left', kind: 'string' } }, { not: { has: { field: 'right', ...PY_CONSTANT_OPERAND } } }],
};
/** `"…".format(…)` with at least one argument that is not a constant: `.format()` of constants only builds nothing. */
export const PY_FORMAT_CALL: Rule = {
  kind: 'call',
  has: { field: 'function', kind: 'attribute', all: [{ has: { field: 'object', kind: 'string' } }, { regex: '\\.format$' }] },
  all: [{ has: { field: 'arguments', has: { not: { any: [PY_CONSTANT_SCALAR, { kind: 'keyword_argument', has: { field: 'value', ...PY_CONSTANT_SCALAR } }, { regex: '^[(),]$' }, { kind: 'comment' }] } } } }],
};
export const PY_CONCAT: Rule = {
  kind: 'binary_operator',
  all: [
    { has: { field: 'operator', regex: '^\\+$' } },
    { any: [{ has: { field: 'left', kind: 'string' } }, { has: { field: 'right', kind: 'string' } }, { has: { field: 'left', kind: 'binary_operator' } }] },
    { not: { all: [{ has: { field: 'left', kind: 'string' } }, { has: { field: 'right', kind: 'string' } }] } },
  ],
};
/** A Python string assembled at run time: f-string, `%`, `.format()`, `+`. */
export const PY_BUILT_STRING: Rule = { any: [PY_FSTRING, PY_PERCENT_FORMAT, PY_FORMAT_CALL, PY_CONCAT] };

/** Text that reads like SQL: what tells a query string from any other built string. */
export const SQL_TEXT = '(?i)\\b(?:select\\s(?s:.)*\\sfrom|insert\\s+into|update\\s(?s:.)*\\sset|delete\\s+from|where\\s|order\\s+by)\\b';

/**
 * `callee(ARG)` and `callee(ARG, …)`: in ast-grep a `$$$` after a comma needs at least one
 * argument, so a call with one argument and with more are two patterns.
 */
export function callFirstArg(callee: string, arg = '$ARG'): Rule {
  return { any: [{ pattern: `${callee}(${arg})` }, { pattern: `${callee}(${arg}, $$$)` }] };
}

/** Any of several callees with the same argument shape. */
export function callsFirstArg(callees: string[], arg = '$ARG'): Rule {
  return { any: callees.flatMap((callee) => (callFirstArg(callee, arg).any as Rule[])) };
}

/** A Python call `callee(…)` with a keyword argument whose text matches `keyword` (e.g. `shell\\s*=\\s*True`). */
export function pyCallWithKeyword(callee: string, keyword: string): Rule {
  return {
    pattern: `${callee}($$$)`,
    has: { field: 'arguments', has: { kind: 'keyword_argument', regex: `^${keyword}$` } },
  };
}

/** A JS object property `name: value` whose value text matches `value`. */
export function jsProperty(name: string, value: string): Rule {
  return { kind: 'pair', regex: `^['"]?${name}['"]?\\s*:\\s*${value}$` };
}

/** The enclosing function's name or the variable being assigned reads like a secret token. */
export function jsInSecretContext(words: string): Rule {
  return {
    any: [
      { inside: { kind: 'variable_declarator', has: { field: 'name', regex: words }, stopBy: 'end' } },
      { inside: { kind: 'assignment_expression', has: { field: 'left', regex: words }, stopBy: 'end' } },
      { inside: { kind: 'pair', has: { field: 'key', regex: words }, stopBy: 'end' } },
      // In a function named like a token maker, unless it is assigned to some other variable there.
      {
        any: [
          { inside: { kind: 'function_declaration', has: { field: 'name', regex: words }, stopBy: 'end' } },
          { inside: { kind: 'method_definition', has: { field: 'name', regex: words }, stopBy: 'end' } },
        ],
        not: { inside: { kind: 'variable_declarator', stopBy: 'end' } },
      },
    ],
  };
}

export function pyInSecretContext(words: string): Rule {
  return {
    any: [
      { inside: { kind: 'assignment', has: { field: 'left', regex: words }, stopBy: 'end' } },
      { inside: { kind: 'function_definition', has: { field: 'name', regex: words }, stopBy: 'end' }, not: { inside: { kind: 'assignment', stopBy: 'end' } } },
      { inside: { kind: 'keyword_argument', has: { field: 'name', regex: words }, stopBy: 'end' } },
    ],
  };
}

/** Names of values that must be unpredictable: tokens, passwords, keys, nonces … */
export const SECRET_WORDS = '(?i)(?:token|secret|password|passwd|pwd|passphrase|nonce|salt|otp|api_?key|session_?id|csrf|reset_?code|verification_?code)s?$';

/**
 * Narrows a call rule to callees whose text matches `callee`. Constraints on `$OBJ.$METHOD`
 * only apply after the combined pass, so a generic call pattern needs this to stay cheap.
 */
export function withCallee(rule: Rule, callee: string): Rule {
  return { all: [{ has: { field: 'function', regex: callee } }, rule] };
}

/** `callee(A, ARG)` and `callee(A, ARG, …)`: the second argument. */
export function callSecondArg(callee: string, arg = '$ARG'): Rule {
  return { any: [{ pattern: `${callee}($FIRST, ${arg})` }, { pattern: `${callee}($FIRST, ${arg}, $$$)` }] };
}

/** A JS string fixed at write time with some content: what a hard-coded secret looks like. */
export const JS_SECRET_LITERAL: Rule = {
  any: [
    { kind: 'string', regex: '^[\'"][^\'"]{3,}[\'"]$' },
    { kind: 'template_string', regex: '^`[^`]{3,}`$', not: { has: { kind: 'template_substitution' } } },
    { kind: 'call_expression', regex: '^Buffer\\.from\\(\\s*[\'"`][^\'"`]{3,}[\'"`]' },
  ],
};
/** A Python str/bytes literal with some content. */
export const PY_SECRET_LITERAL: Rule = { kind: 'string', regex: '^[bBrRuU]*[\'"][^\'"]{3,}[\'"]$', not: { has: { kind: 'interpolation' } } };

/** A JS call or `new` whose callee text matches `callee` and whose arguments hold (at any depth) a pair matching `pair`. */
export function jsCallWithPair(callee: string, pair: string, value?: Rule): Rule {
  const pairRule: Rule = value ? { kind: 'pair', regex: pair, has: { field: 'value', ...value } } : { kind: 'pair', regex: pair };
  return {
    any: [
      { kind: 'call_expression', has: { field: 'function', regex: callee } },
      { kind: 'new_expression', has: { field: 'constructor', regex: callee } },
    ],
    has: { field: 'arguments', has: { ...pairRule, stopBy: 'end' } },
  };
}
