import type { SgNode } from '@ast-grep/napi';
import { asciiRegex } from './ascii-regex.js';
import type { TaintSources } from './rule.js';

type Family = 'js' | 'python';

// Request sources by text: the member chains web frameworks hand user input through.
const REQUEST_SOURCE: Record<Family, RegExp> = {
  // Express/Koa/Fastify/Hapi/Next request objects, Koa's ctx, and an AWS Lambda event's request parts.
  js: /\b(?:req|request)\s*\.\s*(?:query|body|params|headers|cookies|signedCookies|files|payload|url|originalUrl|param\s*\(|get\s*\(|header\s*\()|\bctx\s*\.\s*(?:request\s*\.\s*(?:query|body|headers)|query|params|headers|cookies)\b|\bevent\s*\.\s*(?:body|queryStringParameters|pathParameters|multiValueQueryStringParameters|headers)\b/,
  // Flask/Django/DRF/Starlette/Pyramid request objects, Tornado's handler arguments, a Lambda event's fields.
  python: /\brequest\s*\.\s*(?:args|form|json|values|cookies|headers|data|files|GET|POST|body|query_params|path_params|matchdict|params|json_body|get_json\s*\(|get_data\s*\()|\bself\s*\.\s*(?:get_argument|get_arguments|get_body_argument|get_query_argument)\s*\(|\bself\s*\.\s*request\s*\.\s*(?:body|arguments|query_arguments|body_arguments)\b|\bevent\s*(?:\[|\.\s*get\s*\()/,
};
// Handler parameters that are request data by the framework's contract: NestJS parameter
// decorators, a Lambda handler's (event, context), Flask/FastAPI route functions' parameters
// and FastAPI's Query()/Body()/Form() defaults. Found by text first, so files without them skip.
const PARAMETER_SOURCE_TEXT: Record<Family, RegExp> = {
  js: /@(?:Body|Query|Param|Headers|Req)\s*\(|\(\s*event\s*(?::\s*\w+\s*)?,\s*context\b/,
  python: /\(\s*event\s*,\s*context\b|@\w+\.(?:route|get|post|put|patch|delete)\s*\(|=\s*(?:Query|Body|Form|Header|Cookie|File)\s*\(/,
};
const ARGV_SOURCE: Record<Family, RegExp> = {
  js: /\bprocess\s*\.\s*argv\b/,
  python: /\bsys\s*\.\s*argv\b/,
};

/** Whether a text mentions any source at all: taint rules cannot fire in a file that does not. */
export function mentionsSource(text: string, python: boolean, sources: TaintSources): boolean {
  const family: Family = python ? 'python' : 'js';
  return REQUEST_SOURCE[family].test(text) || PARAMETER_SOURCE_TEXT[family].test(text) || (sources === 'request+argv' && ARGV_SOURCE[family].test(text));
}

// Escapers, encoders, numeric conversions and basename: their result no longer carries the
// request's characters that matter to a sink.
const SANITIZER = asciiRegex(
  '(?i)^(?:[\\w$]+\\.)*(?:escape\\w*|\\w*escape|sanitize\\w*|encode\\w*|purify|clean|quote|secure_filename|basename|parseInt|parseFloat|Number|int|float|Boolean|bool|uuid|isValid\\w*)$',
);
const SANITIZER_RULE: Record<Family, { rule: { kind: string; has: { field: string; regex: string } } }> = {
  js: { rule: { kind: 'call_expression', has: { field: 'function', regex: SANITIZER } } },
  python: { rule: { kind: 'call', has: { field: 'function', regex: SANITIZER } } },
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

/** What a value is made of. */
interface Facts {
  fromSource: boolean;
  fromArgv: boolean;
  uses: Set<string>;
}

/** An assignment in a function: the names it binds; what its value is made of is worked out on demand. */
interface Assignment {
  start: number;
  names: string[];
  /** `x += …`: adds to the value before it rather than replacing it. */
  augmented?: boolean;
  value: SgNode;
  facts?: Facts;
}

// Chains of assignments longer than this are not followed (and cycles never are).
const MAX_DEPTH = 8;

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
    const withArgv = sources === 'request+argv';
    const facts = this.factsOf(node);
    if (facts.fromSource || (withArgv && facts.fromArgv)) return true;
    if (facts.uses.size === 0) return false;
    const assignments = this.assignmentsAround(node);
    const at = node.range().start.index;
    const seen = new Set<string>();
    for (const name of facts.uses) if (this.taintedName(name, at, assignments, withArgv, 0, seen)) return true;
    return false;
  }

  /**
   * The values a node may stand for: itself, and when it is a variable, every value assigned
   * to it (transitively, through other variables) before it in the same function.
   */
  valuesOf(node: SgNode): SgNode[] {
    const out: SgNode[] = [node];
    if (!IDENTIFIER_KINDS[this.family].includes(String(node.kind()))) return out;
    const assignments = this.assignmentsAround(node);
    const seen = new Set<string>();
    // The value a name holds at `at` is its last plain assignment before it, plus what `+=` added
    // since (branches are not told apart: each assignment replaces the one before).
    const follow = (name: string, at: number, depth: number): void => {
      if (depth > MAX_DEPTH) return;
      let reaching: Assignment[] = [];
      for (const assignment of assignments) {
        if (assignment.start >= at) break;
        if (!assignment.names.includes(name)) continue;
        reaching = assignment.augmented ? [...reaching, assignment] : [assignment];
      }
      for (const assignment of reaching) {
        const key = `${name}@${assignment.start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(assignment.value);
        if (IDENTIFIER_KINDS[this.family].includes(String(assignment.value.kind()))) follow(assignment.value.text(), assignment.start, depth + 1);
      }
    };
    follow(node.text(), node.range().start.index, 0);
    return out;
  }

  /** Whether `name` was assigned request data (directly or through other names) before `at`. */
  private taintedName(name: string, at: number, assignments: Assignment[], withArgv: boolean, depth: number, seen: Set<string>): boolean {
    if (depth > MAX_DEPTH) return false;
    for (const assignment of assignments) {
      if (assignment.start >= at) break;
      if (!assignment.names.includes(name)) continue;
      const key = `${name}@${assignment.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      assignment.facts ??= this.factsOf(assignment.value);
      const { fromSource, fromArgv, uses } = assignment.facts;
      if (fromSource || (withArgv && fromArgv)) return true;
      for (const use of uses) if (this.taintedName(use, assignment.start, assignments, withArgv, depth + 1, seen)) return true;
    }
    return false;
  }

  /** What a value is made of, leaving out whatever passes through a sanitizer call. */
  private factsOf(node: SgNode): Facts {
    // `cond ? a : b` is a or b: the condition is only read, never passed on.
    const kind = String(node.kind());
    if (kind === 'ternary_expression' || kind === 'conditional_expression') {
      const branches = kind === 'ternary_expression' ? [node.field('consequence'), node.field('alternative')] : node.namedChildren().filter((_, i) => i !== 1);
      const facts = branches.filter((b): b is SgNode => b !== null).map((b) => this.factsOf(b));
      return { fromSource: facts.some((f) => f.fromSource), fromArgv: facts.some((f) => f.fromArgv), uses: new Set(facts.flatMap((f) => [...f.uses])) };
    }
    const sanitized = this.sanitizerCalls(node);
    if (sanitized.some((call) => sameRange(call, node))) return { fromSource: false, fromArgv: false, uses: new Set() };
    let text = node.text();
    for (const call of sanitized) text = text.replace(call.text(), ' ');
    return {
      fromSource: REQUEST_SOURCE[this.family].test(text),
      fromArgv: ARGV_SOURCE[this.family].test(text),
      uses: identifiersIn(node, this.family, sanitized),
    };
  }

  /** Calls that make a value safe to use (escaping, numeric conversion, basename …): taint stops there. */
  private sanitizerCalls(node: SgNode): SgNode[] {
    const rule = SANITIZER_RULE[this.family];
    const calls = node.findAll(rule);
    return node.matches(rule) ? [node, ...calls] : calls;
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
      const names = target.kind() === 'identifier' ? [target.text()] : [...identifiersIn(target, this.family)];
      out.push({ start: value.range().end.index, names, value, augmented: String(node.kind()).startsWith('augmented') });
    }
    if (PARAMETER_SOURCE_TEXT[this.family].test(scope.text())) out.push(...this.sourceParameters(scope));
    return out.sort((a, b) => a.start - b.start);
  }

  /** Parameters that carry request data by the framework's contract, as assignments from a source. */
  private sourceParameters(scope: SgNode): Assignment[] {
    const out: Assignment[] = [];
    const add = (param: SgNode): void => {
      const target = this.family === 'js' ? (param.field('pattern') ?? param) : param.kind() === 'identifier' ? param : (param.find({ rule: { kind: 'identifier' } }) ?? param);
      const names = [...identifiersIn(target, this.family)].filter((n) => n !== 'self');
      out.push({ start: param.range().end.index, names, value: param, facts: { fromSource: true, fromArgv: false, uses: new Set() } });
    };
    const functions = scope.findAll({ rule: { any: [...FUNCTION_KINDS[this.family]].map((kind) => ({ kind })) } });
    if (FUNCTION_KINDS[this.family].has(String(scope.kind()))) functions.push(scope);
    for (const fn of functions) {
      const params = fn.field('parameters')?.namedChildren() ?? [];
      if (params.length >= 2 && /^event\b/.test(params[0].text()) && /^context\b/.test(params[1].text())) add(params[0]);
      if (this.family === 'js') {
        for (const param of params) if (param.has({ rule: { kind: 'decorator', regex: '^@(?:Body|Query|Param|Headers|Req)\\b' } })) add(param);
      } else {
        const decorators = fn.parent()?.kind() === 'decorated_definition' ? fn.parent()!.text() : '';
        const route = /@\w+\.(?:route|get|post|put|patch|delete)\s*\(/.test(decorators);
        for (const param of params) {
          if (route || /=\s*(?:Query|Body|Form|Header|Cookie|File)\s*\(/.test(param.text())) add(param);
        }
      }
    }
    return out;
  }
}

function identifiersIn(node: SgNode, family: Family, except: readonly SgNode[] = []): Set<string> {
  const names = new Set<string>();
  if (IDENTIFIER_KINDS[family].includes(String(node.kind()))) names.add(node.text());
  for (const id of node.findAll(IDENTIFIER_RULE[family])) {
    if (!except.some((call) => within(id, call))) names.add(id.text());
  }
  return names;
}

function within(inner: SgNode, outer: SgNode): boolean {
  const a = inner.range();
  const b = outer.range();
  return a.start.index >= b.start.index && a.end.index <= b.end.index;
}

function sameRange(a: SgNode, b: SgNode): boolean {
  const x = a.range();
  const y = b.range();
  return x.start.index === y.start.index && x.end.index === y.end.index;
}
