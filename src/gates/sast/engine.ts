import type { NapiConfig, SgNode, SgRoot } from '@ast-grep/napi';
import { withAsciiRegexes } from './ascii-regex.js';
import { ERROR_BRANCH, rootKinds, type LanguageMatcher, type RuleSubset } from './catalogue.js';
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
// What one traversal of a tree costs, in microseconds per byte of source (measured: 45-55 ns).
const TRAVERSAL_COST_PER_BYTE = 0.05;

const NOTHING: FileScan = { hits: [], syntaxErrors: false };

/**
 * Runs every rule of the file's language on one tree. A file that needs one rule is walked once
 * by that rule. Otherwise one traversal with the combined matcher finds the candidate nodes, then
 * each rule takes the candidates of the kinds it can match: it tests them one by one, or, when
 * they are many, walks the tree itself. A rule keeps a match only with its own constraints and,
 * for taint rules, when its metavariable carries request data. Syntax errors are found by the
 * first traversal's error branch.
 */
export function matchTree(matcher: LanguageMatcher, subset: RuleSubset, root: SgRoot, sourceLength: number): FileScan {
  const top = root.root();
  let taint: TaintTracker | undefined;
  const hitIf = (rule: SastRule, match: SgNode): RuleHit | undefined => {
    if (rule.taint) {
      const { metavariable, sources } = rule.taint;
      const single = match.getMatch(metavariable);
      const values = single ? [single] : match.getMultipleMatches(metavariable);
      taint ??= new TaintTracker(matcher.language === 'python');
      if (!values.some((value) => taint!.carriesRequestData(value, sources))) return undefined;
    }
    // Like a constraint, the flow check applies to the branches of the rule that bind its metavariable.
    const flowValue = rule.flow ? match.getMatch(rule.flow.metavariable) : null;
    if (flowValue) {
      taint ??= new TaintTracker(matcher.language === 'python');
      if (!taint.valuesOf(flowValue).some((v) => v.matches(flowConfig(rule)))) return undefined;
    }
    return hitOf(rule, match);
  };

  // One rule: its own traversal (constraints included) is the whole answer. An ERROR node it
  // returns came by the error branch, and is the rule's too only if the rule matches it itself.
  if (subset.rules.length === 1) {
    const { rule, config, orError } = subset.rules[0];
    const hits: RuleHit[] = [];
    let syntaxErrors = false;
    for (const node of top.findAll(orError)) {
      let hit: RuleHit | undefined;
      if (node.kind() !== ERROR_BRANCH.kind) hit = hitIf(rule, node);
      else {
        syntaxErrors = true;
        if (node.matches(config)) hit = hitIf(rule, node.find(config)!);
      }
      if (hit) hits.push(hit);
    }
    return { hits, syntaxErrors };
  }

  const candidates = top.findAll(subset.combined);
  const kinds = candidates.map((node) => String(node.kind()));
  // Every ERROR node is a candidate (by the first branch); it stays one, since a rule may match it too.
  const errors = kinds.filter((kind) => kind === ERROR_BRANCH.kind).length;
  // ast-grep compiles a rule on every call: testing a candidate against a rule costs one compile,
  // a findAll of the rule one traversal; per rule, whichever costs less.
  const found: { rule: number; node: number; hit: RuleHit }[] = [];
  const traversalCost = sourceLength * TRAVERSAL_COST_PER_BYTE;
  let position: Map<number, number> | undefined;
  subset.rules.forEach((compiled, r) => {
    const { rule, config } = compiled;
    const ruleKinds = rootKinds(compiled, matcher.language);
    const mine: number[] = [];
    for (let i = 0; i < candidates.length; i++) if (!ruleKinds || ruleKinds.has(kinds[i])) mine.push(i);
    if (mine.length * compiled.compileCost > traversalCost) {
      // Each match of the rule is a candidate too: the combined pass has the rule without its constraints.
      position ??= new Map(candidates.map((node, i) => [node.id(), i]));
      for (const match of top.findAll(config)) {
        const hit = hitIf(rule, match);
        if (hit) found.push({ rule: r, node: position.get(match.id()) ?? -1, hit });
      }
      return;
    }
    for (const i of mine) {
      const node = candidates[i];
      // matches() tests this node alone; find() would search its whole subtree when it fails.
      // Once it matches, find() stops at the node itself: the way to its own metavariables
      // (the candidate carries those of whichever rule the combined pass matched first).
      if (!node.matches(config)) continue;
      const hit = hitIf(rule, rule.taint || rule.flow ? node.find(config)! : node);
      if (hit) found.push({ rule: r, node: i, hit });
    }
  });
  // In the order one strategy for the whole file gives, as before (it decides which of two
  // findings of one class on one line is kept): by rule when candidates outnumber a traversal
  // per rule, else by candidate.
  const byRule = candidates.length - errors > subset.rules.length * CANDIDATES_PER_TRAVERSAL;
  found.sort(byRule ? (a, b) => a.rule - b.rule || a.node - b.node : (a, b) => a.node - b.node || a.rule - b.rule);
  return { hits: found.map((f) => f.hit), syntaxErrors: errors > 0 };
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
  return matchTree(matcher, subset, astGrep().parse(napiLang(matcher.language), source), source.length);
}
