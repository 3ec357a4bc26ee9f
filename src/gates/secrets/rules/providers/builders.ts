import type { MatchExample, NoMatchExample, SecretRule } from '../../rule.js';
import type { Confidence, Severity } from '../../../../core/types.js';
import { anyCaseOf, assignedToName, PLACEHOLDERS, standalone } from './patterns.js';

// Most provider rules are one of two shapes: a token with its own prefix, or a prefix-less
// value assigned to a name that mentions the provider. These build either from the facts
// (format, names, two real-looking lines) and add the near misses every such rule must reject.

interface RuleFacts {
  id: string;
  title: string;
  formatSource: 'described' | 'specified';
  severity: Severity;
  /** Default: `high` for a prefixed token, `medium` for a value bound to a name (rule.ts). */
  confidence?: Confidence;
  family: string;
  provider: string;
  rotateUrl?: string;
  entropy?: number;
  /** Extra placeholders on top of the shared ones. */
  allow?: string[];
  /** See SecretRule.ownsName. */
  ownsName?: boolean;
  /** Two lines holding a made-up secret of the exact format, each with the secret it holds. */
  match: [MatchExample, MatchExample, ...MatchExample[]];
  /** Extra near misses on top of the derived ones. */
  noMatch?: (string | NoMatchExample)[];
  /** Rules that rightly report the derived cut-short near miss (a generic rule: it is still token-shaped). */
  cutShortFiredBy?: string[];
}

interface PrefixFacts extends RuleFacts {
  prefix: string | string[];
  body: string;
  edge?: string;
  /** The prefix begins other providers' tokens or ordinary words too (`sandbox_`), so it is no mark of this rule's (SecretRule.ownsPrefix). */
  sharedPrefix?: boolean;
}

/** The first example's text and the one secret it states: the near misses are derived from them. */
function firstExample(facts: RuleFacts): { text: string; secret: string } {
  const { text, secret } = facts.match[0];
  return { text, secret: Array.isArray(secret) ? secret[0] : secret };
}

function cutShort(facts: RuleFacts, text: string): string | NoMatchExample {
  return facts.cutShortFiredBy?.length ? { text, firedBy: facts.cutShortFiredBy } : text;
}

function assemble(facts: RuleFacts, regex: string, keywords: string[], derivedNoMatch: (string | NoMatchExample)[]): SecretRule {
  const { match, noMatch = [], allow = [], cutShortFiredBy: _firedBy, ...rest } = facts;
  return {
    ...rest,
    regex,
    keywords,
    allow: [...PLACEHOLDERS, ...allow],
    examples: { match, noMatch: [...derivedNoMatch, ...noMatch] },
  };
}

/**
 * A token that starts with its own literal prefix. Near misses: the body blanked to `x`, and the
 * token cut down to its first few characters.
 */
export function prefixedRule(facts: PrefixFacts): SecretRule {
  const { prefix, body, edge, sharedPrefix, ...rest } = facts;
  const prefixes = Array.isArray(prefix) ? prefix : [prefix];
  const escaped = prefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const regex = standalone(`(?:${escaped.join('|')})${body}`, edge);
  const { text, secret: token } = firstExample(facts);
  const start = prefixes.find((p) => token.startsWith(p)) ?? '';
  const rule = assemble(rest, regex, prefixes.map((p) => p.toLowerCase()), [
    text.replace(token, start + 'x'.repeat(token.length - start.length)),
    cutShort(facts, text.replace(token, token.slice(0, start.length + 4))),
  ]);
  return sharedPrefix ? rule : { ...rule, ownsPrefix: true };
}

/**
 * A prefix-less value assigned to a name containing one of `names` (matched in any case; also
 * the prefilter keywords). Near misses: the value taken from the environment, and cut short.
 */
export function assignedRule(facts: RuleFacts & { names: string[]; value: string; edge?: string }): SecretRule {
  const { names, value, edge, ...rest } = facts;
  const regex = assignedToName(anyCaseOf(...names), value, edge);
  const { text, secret } = firstExample(facts);
  const rule = assemble(rest, regex, names.map((n) => n.toLowerCase()), [
    text.replace(secret, '${' + 'SECRET_FROM_ENV}'),
    cutShort(facts, text.replace(secret, secret.slice(0, 4))),
  ]);
  return { ...rule, valueShape: value };
}
