import type { SgNode } from '@ast-grep/napi';
import type { TaintSources } from './rule.js';

type Family = 'js' | 'python';

// Request sources by text: the member chains web frameworks hand user input through.
const REQUEST_SOURCE: Record<Family, RegExp> = {
  js: /\b(?:req|request)\s*\.\s*(?:query|body|params|headers|cookies|signedCookies|files|param\s*\(|get\s*\(|header\s*\()|\bctx\s*\.\s*(?:request\s*\.\s*(?:query|body|headers)|query|params|headers|cookies)\b/,
  python: /\brequest\s*\.\s*(?:args|form|json|values|cookies|headers|data|files|GET|POST|body|query_params|path_params|get_json\s*\(|get_data\s*\()/,
};
const ARGV_SOURCE: Record<Family, RegExp> = {
  js: /\bprocess\s*\.\s*argv\b/,
  python: /\bsys\s*\.\s*argv\b/,
};

const FUNCTION_KINDS: Record<Family, Set<string>> = {
  js: new Set(['function_declaration', 'function_expression', 'arrow_function', 'method_definition', 'generator_function_declaration', 'generator_function']),
  python: new Set(['function_definition']),
};
const IDENTIFIER_KINDS: Record<Family, string[]> = {
  js: ['identifier', 'shorthand_property_identifier', 'shorthand_property_identifier_pattern'],
  python: ['identifier'],
};
const IDENTIFIER_RULE: Record<Family, { rule: { any: { kind: string }[] } }> = {
  js: { rule: { any: IDENTIFIER_KINDS.js.map((kind) => ({ kind })) } },
  python: { rule: { any: IDENTIFIER_KINDS.python.map((kind) => ({ kind })) } },
};

/** An assignment in a function: the names it binds and what its value is made of. */
interface Assignment {
  start: number;
  names: string[];
  fromSource: boolean;
  fromArgv: boolean;
  uses: Set<string>;
}

/**
 * The light data-flow step: per file, the assignments of each top-level function (closures
 * included), so a sink can ask whether a value is request data — a request source itself, or a
 * variable assigned (transitively) from one before the sink in the same function.
 */
export class TaintTracker {
  private readonly scopes = new Map<number, Assignment[]>();
  private readonly family: Family;

  constructor(python: boolean) {
    this.family = python ? 'python' : 'js';
  }

  carriesRequestData(node: SgNode, sources: TaintSources): boolean {
    const text = node.text();
    if (REQUEST_SOURCE[this.family].test(text)) return true;
    const withArgv = sources === 'request+argv';
    if (withArgv && ARGV_SOURCE[this.family].test(text)) return true;
    const names = identifiersIn(node, this.family);
    if (names.size === 0) return false;
    const tainted = this.taintedBefore(node, withArgv);
    for (const name of names) if (tainted.has(name)) return true;
    return false;
  }

  private taintedBefore(node: SgNode, withArgv: boolean): Set<string> {
    const at = node.range().start.index;
    const tainted = new Set<string>();
    for (const assignment of this.assignmentsAround(node)) {
      if (assignment.start >= at) break;
      const carries =
        assignment.fromSource || (withArgv && assignment.fromArgv) || [...assignment.uses].some((u) => tainted.has(u));
      if (carries) for (const name of assignment.names) tainted.add(name);
    }
    return tainted;
  }

  private assignmentsAround(node: SgNode): Assignment[] {
    const scope = this.outermostFunction(node);
    const key = scope.range().start.index * 2 + (scope.kind() === 'program' || scope.kind() === 'module' ? 1 : 0);
    let found = this.scopes.get(key);
    if (!found) this.scopes.set(key, (found = this.collect(scope)));
    return found;
  }

  private outermostFunction(node: SgNode): SgNode {
    let outer: SgNode | undefined;
    let root: SgNode = node;
    for (const ancestor of node.ancestors()) {
      if (FUNCTION_KINDS[this.family].has(String(ancestor.kind()))) outer = ancestor;
      root = ancestor;
    }
    return outer ?? root;
  }

  private collect(scope: SgNode): Assignment[] {
    const kinds =
      this.family === 'js'
        ? ['variable_declarator', 'assignment_expression', 'augmented_assignment_expression']
        : ['assignment', 'augmented_assignment', 'for_statement', 'named_expression'];
    const out: Assignment[] = [];
    for (const node of scope.findAll({ rule: { any: kinds.map((kind) => ({ kind })) } })) {
      const target = node.field('name') ?? node.field('left');
      const value = node.field('value') ?? node.field('right');
      if (!target || !value) continue;
      const text = value.text();
      out.push({
        start: value.range().end.index,
        names: [...identifiersIn(target, this.family)],
        fromSource: REQUEST_SOURCE[this.family].test(text),
        fromArgv: ARGV_SOURCE[this.family].test(text),
        uses: identifiersIn(value, this.family),
      });
    }
    return out.sort((a, b) => a.start - b.start);
  }
}

function identifiersIn(node: SgNode, family: Family): Set<string> {
  const names = new Set<string>();
  if (IDENTIFIER_KINDS[family].includes(String(node.kind()))) names.add(node.text());
  for (const id of node.findAll(IDENTIFIER_RULE[family])) names.add(id.text());
  return names;
}
