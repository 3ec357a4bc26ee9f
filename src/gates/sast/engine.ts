import type { NapiConfig, SgNode, SgRoot } from '@ast-grep/napi';
import { withAsciiRegexes } from './ascii-regex.js';
import { ERROR_BRANCH, type LanguageMatcher, type RuleSubset } from './catalogue.js';
import { astGrep, napiLang } from './languages.js';
import type { SastRule } from './rule.js';
import { TaintTracker } from './taint.js';

/** A rule's match in one file, before it becomes a Finding. Lines and columns are 1-based. */
export interface RuleHit {
  rule: SastRule;
  line: number;
  endLine: number;
  column: number;
  /** The matched source text, for the fingerprint. */
  text: string;
}

export interface FileScan {
  hits: RuleHit[];
  /** The parser met syntax it could not read; hits in the rest of the file still count. */
  syntaxErrors: boolean;
}

/** Parses off the main thread (ast-grep runs parseAsync on libuv's pool), so files overlap. */
export async function parseSource(matcher: LanguageMatcher, source: string): Promise<SgRoot> {
  return astGrep().parseAsync(napiLang(matcher.language), source);
}

// Measured here: one rule traversal of a large file costs about as much as a few dozen compiles.
const CANDIDATES_PER_TRAVERSAL = 4;

const NOTHING: FileScan = { hits: [], syntaxErrors: false };

/**
 * Runs every rule of the file's language on one tree: one traversal with the combined matcher
 * finds the candidate nodes, then each candidate is attributed to the rules that match it on
 * their own (constraints included) and, for taint rules, whose metavariable carries request data.
 */
export function matchTree(matcher: LanguageMatcher, subset: RuleSubset, root: SgRoot): FileScan {
  const top = root.root();
  const hits: RuleHit[] = [];
  let syntaxErrors = false;
  let taint: TaintTracker | undefined;
  const accept = (rule: SastRule, match: SgNode): void => {
    if (rule.taint) {
      const { metavariable, sources } = rule.taint;
      const single = match.getMatch(metavariable);
      const values = single ? [single] : match.getMultipleMatches(metavariable);
      taint ??= new TaintTracker(matcher.language === 'python');
      if (!values.some((value) => taint!.carriesRequestData(value, sources))) return;
    }
    // Like a constraint, the flow check applies to the branches of the rule that bind its metavariable.
    const flowValue = rule.flow ? match.getMatch(rule.flow.metavariable) : null;
    if (flowValue) {
      taint ??= new TaintTracker(matcher.language === 'python');
      if (!taint.valuesOf(flowValue).some((v) => v.matches(flowConfig(rule)))) return;
    }
    hits.push(hitOf(rule, match));
  };
  // One rule: its own traversal (constraints included) is the whole answer. An ERROR node it
  // returns came by the error branch, and is the rule's too only if the rule matches it itself.
  if (subset.rules.length === 1) {
    const { rule, config, orError } = subset.rules[0];
    for (const node of top.findAll(orError)) {
      if (node.kind() !== ERROR_BRANCH.kind) accept(rule, node);
      else {
        syntaxErrors = true;
        if (node.matches(config)) accept(rule, node.find(config)!);
      }
    }
    return { hits, syntaxErrors };
  }
  const candidates = top.findAll(subset.combined);
  // Every ERROR node is a candidate (by the first branch); it stays one, since a rule may match it too.
  let errors = 0;
  for (const node of candidates) if (node.kind() === ERROR_BRANCH.kind) errors++;
  syntaxErrors = errors > 0;
  // ast-grep compiles a rule on every call: testing each candidate against each rule costs one
  // compile per pair, a findAll per rule costs one traversal. Take whichever is fewer calls.
  if (candidates.length - errors > subset.rules.length * CANDIDATES_PER_TRAVERSAL) {
    for (const { rule, config } of subset.rules) for (const match of top.findAll(config)) accept(rule, match);
  } else {
    for (const node of candidates) {
      for (const { rule, config } of subset.rules) {
        // matches() tests this node alone; find() would search its whole subtree when it fails.
        // Once it matches, find() stops at the node itself: the way to its own metavariables
        // (the candidate carries those of whichever rule the combined pass matched first).
        if (node.matches(config)) accept(rule, rule.taint || rule.flow ? node.find(config)! : node);
      }
    }
  }
  return { hits, syntaxErrors };
}

const flowConfigs = new WeakMap<SastRule, NapiConfig>();
function flowConfig(rule: SastRule): NapiConfig {
  let config = flowConfigs.get(rule);
  if (!config) flowConfigs.set(rule, (config = withAsciiRegexes({ rule: rule.flow!.value })));
  return config;
}

function hitOf(rule: SastRule, node: SgNode): RuleHit {
  const { start, end } = node.range();
  return { rule, line: start.line + 1, endLine: end.line + 1, column: start.column + 1, text: node.text() };
}

/** Parses and matches one source synchronously: for rule examples and small inputs. */
export function scanSource(matcher: LanguageMatcher, source: string): FileScan {
  const subset = matcher.forText(source);
  if (!subset) return NOTHING;
  return matchTree(matcher, subset, astGrep().parse(napiLang(matcher.language), source));
}
