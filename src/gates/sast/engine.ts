import type { SgNode, SgRoot } from '@ast-grep/napi';
import type { LanguageMatcher, RuleSubset } from './catalogue.js';
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

const NOTHING: FileScan = { hits: [], syntaxErrors: false };

/**
 * Runs every rule of the file's language on one tree: one traversal with the combined matcher
 * finds the candidate nodes, then each candidate is attributed to the rules that match it on
 * their own (constraints included) and, for taint rules, whose metavariable carries request data.
 */
export function matchTree(matcher: LanguageMatcher, subset: RuleSubset, root: SgRoot): FileScan {
  const top = root.root();
  const candidates = top.findAll(subset.combined);
  const hits: RuleHit[] = [];
  let taint: TaintTracker | undefined;
  for (const node of candidates) {
    const at = node.range();
    for (const { rule, config } of subset.rules) {
      // find() searches the subtree too; only a match of this very node counts.
      const match = node.find(config);
      if (!match || !sameNode(match, node, at)) continue;
      if (rule.taint) {
        const { metavariable, sources } = rule.taint;
        const single = match.getMatch(metavariable);
        const values = single ? [single] : match.getMultipleMatches(metavariable);
        taint ??= new TaintTracker(matcher.language === 'python');
        if (!values.some((value) => taint!.carriesRequestData(value, sources))) continue;
      }
      hits.push(hitOf(rule, node));
    }
  }
  return { hits, syntaxErrors: top.has({ rule: { kind: 'ERROR' } }) };
}

function hitOf(rule: SastRule, node: SgNode): RuleHit {
  const { start, end } = node.range();
  return { rule, line: start.line + 1, endLine: end.line + 1, column: start.column + 1, text: node.text() };
}

function sameNode(a: SgNode, b: SgNode, range: ReturnType<SgNode['range']>): boolean {
  const r = a.range();
  return r.start.index === range.start.index && r.end.index === range.end.index && a.kind() === b.kind();
}

/** Parses and matches one source synchronously: for rule examples and small inputs. */
export function scanSource(matcher: LanguageMatcher, source: string): FileScan {
  const subset = matcher.forText(source);
  if (!subset) return NOTHING;
  return matchTree(matcher, subset, astGrep().parse(napiLang(matcher.language), source));
}
