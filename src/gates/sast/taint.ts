import type { SgNode } from '@ast-grep/napi';
import { asciiRegex } from './ascii-regex.js';
import type { TaintSources } from './rule.js';

type Family = 'js' | 'python';

// Request sources by text: the member chains web frameworks hand user input through.
const REQUEST_SOURCE: Record<Family, RegExp> = {
  // Express/Koa/Fastify/Hapi/Next request objects, the Fetch API Request that Next route handlers,
  // Remix, Deno and workers receive (json()/formData()/text(), nextUrl), Koa's ctx, and an AWS
  // Lambda event's request parts.
  js: /\b(?:req|request)\s*\.\s*(?:query|body|params|headers|cookies|signedCookies|files|file|payload|url|originalUrl|path|hostname|rawBody|nextUrl|param\s*\(|get\s*\(|header\s*\(|json\s*\(|formData\s*\(|text\s*\()|\bctx\s*\.\s*(?:request\s*\.\s*(?:query|body|headers)|query|params|headers|cookies)\b|\bevent\s*\.\s*(?:body|queryStringParameters|pathParameters|multiValueQueryStringParameters|headers)\b/,
  // Flask/Django/DRF/Starlette/Pyramid/aiohttp/Bottle request objects (Django's upper-case
  // COOKIES/FILES/META included), Falcon's and Azure Functions' `req`, Tornado's handler
  // arguments and cookies, a Lambda event's fields.
  python: /\brequest\s*\.\s*(?:args|form|forms|json|values|cookies|COOKIES|headers|META|environ|data|files|FILES|GET|POST|body|stream|query_string|view_args|query_params|path_params|match_info|rel_url|matchdict|params|json_body|get_json\s*\(|get_data\s*\(|post\s*\(|query\b)|\breq\s*\.\s*(?:media|params|route_params|get_param\s*\(|get_json\s*\(|get_body\s*\()|\bself\s*\.\s*(?:get_argument|get_arguments|get_body_argument|get_query_argument|get_cookie)\s*\(|\bself\s*\.\s*request\s*\.\s*(?:body|arguments|query_arguments|body_arguments)\b|\bevent\s*(?:\[|\.\s*get\s*\()/,
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
// Helper calls are followed this many levels: handler -> helper -> helper.
const MAX_CALL_DEPTH = 3;
// A file with more named functions than this (a bundle) is not searched for sanitizing helpers.
const MAX_HELPERS = 300;

/** The assignments of one top-level function, and where it checks that a value stays in bounds. */
interface Scope {
  assignments: Assignment[];
  checks: Check[];
}

/** A check on `name` at `start`; `bounded` when it holds by itself (not only after normalising). */
interface Check {
  name: string;
  start: number;
  bounded: boolean;
}

// Validators of a redirect target: Django's (and its older name), and the usual helper names.
const GUARD_NAMES = '(?:url_has_allowed_host_and_scheme|is_safe_url|isSafeUrl|is_safe_redirect_url|isSafeRedirectUrl)';
const GUARD_TEXT = new RegExp(`\\b${GUARD_NAMES}\\s*\\(`);
const GUARD_CALLEE = `(?:^|\\.)${GUARD_NAMES}$`;

// A path made absolute and normal: a prefix check on it then keeps it inside the base folder.
const NORMALISED_PATH = /(?:\bpath\s*\.\s*(?:resolve|normalize)|\brealpathSync|\bos\s*\.\s*path\s*\.\s*(?:normpath|realpath|abspath)|\.resolve)\s*\(/;

/**
 * The light data-flow step: per file, the assignments of each top-level function (closures
 * included), so a sink can ask whether a value is request data — a request source itself, or a
 * variable assigned (transitively) from one before the sink in the same function.
 */
export class TaintTracker {
  private readonly scopes = new Map<number, Scope>();
  private readonly family: Family;
  /** Local functions by name, per file root: where request data may enter them through call sites. */
  private locals?: Map<string, SgNode[]>;
  private constants?: Map<string, SgNode[]>;
  /** Local functions whose every return value is cleaned of its parameters (sanitizer helpers). */
  private readonly cleaning = new Map<number, boolean>();
  private readonly calls = new Map<string, SgNode[]>();
  private helperCalls?: { call: SgNode; start: number; end: number }[];

  constructor(python: boolean) {
    this.family = python ? 'python' : 'js';
  }

  carriesRequestData(node: SgNode, sources: TaintSources, calls = 0): boolean {
    const withArgv = sources === 'request+argv';
    const tainted = (facts: Facts): boolean => facts.fromSource || (withArgv && facts.fromArgv);
    const facts = this.factsOf(node);
    if (tainted(facts)) return true;
    if (facts.uses.size === 0) return false;
    const scope = this.scopeAround(node);
    const at = node.range().start.index;
    const seen = new Set<string>();
    const parameters = new Set<string>();
    for (const name of facts.uses) if (this.taintedName(name, at, scope, tainted, 0, seen, parameters)) return true;
    // A name no assignment taints may be a parameter of a local helper: follow it to the
    // arguments the helper is called with in the same file (a few calls deep, never in a cycle).
    // Only request data is followed there: a CLI handing its own argv to its helpers is the
    // program doing what its user asked (the standard library is full of it).
    if (calls >= MAX_CALL_DEPTH) return false;
    for (const name of parameters) {
      for (const argument of this.argumentsFor(node, name)) if (this.carriesRequestData(argument, 'request', calls + 1)) return true;
    }
    return false;
  }

  /**
   * The values a node may stand for: itself, and when it is a variable, every value assigned
   * to it (transitively, through other variables) before it in the same function.
   */
  valuesOf(node: SgNode, calls = 0): SgNode[] {
    const out: SgNode[] = [node];
    // A call to a local helper stands for what the helper returns (e.g. a query string it builds).
    const helper = calls < MAX_CALL_DEPTH ? this.localCallee(node) : undefined;
    if (helper) for (const value of this.returnValues(helper)) out.push(...this.valuesOf(value, calls + 1));
    if (!IDENTIFIER_KINDS[this.family].includes(String(node.kind()))) return out;
    const { assignments } = this.scopeAround(node);
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
        const callee = calls < MAX_CALL_DEPTH ? this.localCallee(assignment.value) : undefined;
        if (callee) for (const value of this.returnValues(callee)) out.push(...this.valuesOf(value, calls + 1));
        if (IDENTIFIER_KINDS[this.family].includes(String(assignment.value.kind()))) follow(assignment.value.text(), assignment.start, depth + 1);
      }
    };
    follow(node.text(), node.range().start.index, 0);
    // A name the function never assigns may be a module-level constant (PATTERN = r"…").
    if (out.length === 1) out.push(...(this.moduleConstants(node).get(node.text()) ?? []));
    return out;
  }

  /** Values assigned to names at the top level of the file, outside every function. */
  private moduleConstants(node: SgNode): Map<string, SgNode[]> {
    if (this.constants) return this.constants;
    const constants = new Map<string, SgNode[]>();
    // Assignments outside every function, found natively (no walk up from each one).
    const outside = { not: { inside: { any: [...FUNCTION_KINDS[this.family]].map((kind) => ({ kind })), stopBy: 'end' as const } } };
    for (const assignment of this.collect(rootOf(node), outside)) {
      if (assignment.augmented || assignment.names.length !== 1) continue;
      const [name] = assignment.names;
      if (!constants.has(name)) constants.set(name, []);
      constants.get(name)!.push(assignment.value);
    }
    return (this.constants = constants);
  }

  /**
   * Whether `name` was assigned request data (directly or through other names) before `at`.
   * Names that no assignment before `at` binds are gathered in `unbound`: they may be parameters.
   */
  private taintedName(name: string, at: number, scope: Scope, tainted: (facts: Facts) => boolean, depth: number, seen: Set<string>, unbound: Set<string>): boolean {
    if (depth > MAX_DEPTH) return false;
    let bound = false;
    for (const assignment of scope.assignments) {
      if (assignment.start >= at) break;
      if (!assignment.names.includes(name)) continue;
      bound = true;
      const key = `${name}@${assignment.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // A path normalised and then checked against a base folder no longer climbs out of it.
      if (this.prefixChecked(name, assignment, at, scope)) continue;
      assignment.facts ??= this.factsOf(assignment.value);
      if (tainted(assignment.facts)) return true;
      for (const use of assignment.facts.uses) if (this.taintedName(use, assignment.start, scope, tainted, depth + 1, seen, unbound)) return true;
    }
    if (!bound) unbound.add(name);
    return false;
  }

  /**
   * `p = path.resolve(base, x)` followed by `if (!p.startsWith(base))`, a check on the normalised
   * value itself, or a redirect validator, between the assignment and the use at `at`.
   */
  private prefixChecked(name: string, assignment: Assignment, at: number, scope: Scope): boolean {
    const normalised = NORMALISED_PATH.test(assignment.value.text());
    return scope.checks.some((check) => check.name === name && check.start > assignment.start && check.start < at && (check.bounded || normalised));
  }

  /** The function declaring parameter `name` around `node`, and the arguments its local call sites pass for it. */
  private argumentsFor(node: SgNode, name: string): SgNode[] {
    for (const ancestor of node.ancestors()) {
      if (!FUNCTION_KINDS[this.family].has(String(ancestor.kind()))) continue;
      const params = this.parameterNames(ancestor);
      const index = params.indexOf(name);
      if (index < 0) continue;
      const callable = this.callableName(ancestor);
      if (!callable) return [];
      const out: SgNode[] = [];
      for (const call of this.callsTo(node, callable)) {
        if (within(call, ancestor)) continue; // recursion adds nothing new
        const args = call.field('arguments')?.namedChildren().filter((a) => a.kind() !== 'comment') ?? [];
        const keyword = args.find((a) => a.kind() === 'keyword_argument' && a.field('name')?.text() === name);
        if (keyword) {
          const value = keyword.field('value');
          if (value) out.push(value);
          continue;
        }
        const positional = args.filter((a) => a.kind() !== 'keyword_argument');
        // A method called as obj.m(a) has `self`/`cls` bound already.
        const shift = this.family === 'python' && /^(?:self|cls)$/.test(params[0] ?? '') && call.field('function')?.kind() === 'attribute' ? 1 : 0;
        const argument = positional[index - shift];
        if (argument) out.push(argument);
      }
      return out;
    }
    return [];
  }

  private parameterNames(fn: SgNode): string[] {
    const params = fn.field('parameters') ?? fn.field('parameter');
    if (!params) return [];
    if (params.kind() === 'identifier') return [params.text()];
    return params.namedChildren().map((param) => {
      if (param.kind() === 'identifier') return param.text();
      const target = this.family === 'js' ? (param.field('pattern') ?? param.field('left') ?? param) : (param.field('name') ?? param.find({ rule: { kind: 'identifier' } }) ?? param);
      return target.kind() === 'identifier' ? target.text() : '';
    });
  }

  /** The name a local function is called by: its own, or that of the variable/property it is assigned to. */
  private callableName(fn: SgNode): string | undefined {
    const own = fn.field('name');
    if (own) return own.text();
    const parent = fn.parent();
    if (!parent) return undefined;
    const kind = String(parent.kind());
    if (kind === 'variable_declarator') return parent.field('name')?.kind() === 'identifier' ? parent.field('name')!.text() : undefined;
    if (kind === 'pair') return parent.field('key')?.text().replace(/^['"]|['"]$/g, '');
    if (kind === 'assignment_expression') return /([\w$]+)$/.exec(parent.field('left')?.text() ?? '')?.[1];
    return undefined;
  }

  /** Calls in the file whose callee is `name` itself or a member `….name`. */
  private callsTo(node: SgNode, name: string): SgNode[] {
    const cached = this.calls.get(name);
    if (cached) return cached;
    const root = rootOf(node);
    const kind = this.family === 'js' ? 'call_expression' : 'call';
    const escaped = name.replace(/[$]/g, '\\$');
    const found = root.findAll({ rule: { kind, has: { field: 'function', regex: `(?:^|\\.)${escaped}$` } } });
    this.calls.set(name, found);
    return found;
  }

  /** The local function a call calls, when the file defines exactly one function of that name. */
  private localCallee(node: SgNode): SgNode | undefined {
    const kind = String(node.kind());
    if (kind !== 'call_expression' && kind !== 'call') return undefined;
    const callee = node.field('function');
    if (!callee) return undefined;
    const name = /([\w$]+)$/.exec(callee.text())?.[1];
    if (!name) return undefined;
    const found = this.localFunctions(node).get(name);
    return found?.length === 1 ? found[0] : undefined;
  }

  /**
   * The calls of the file's local functions, found once per file (a rule compiles on every
   * ast-grep call, so one search beats one per value); none when the file defines none, or too
   * many to list (a bundle).
   */
  private helperCallSites(node: SgNode): { call: SgNode; start: number; end: number }[] {
    if (this.helperCalls) return this.helperCalls;
    const names = [...this.localFunctions(node).keys()].filter((name) => /^[\w$]+$/.test(name));
    if (names.length === 0 || names.length > MAX_HELPERS) return (this.helperCalls = []);
    const kind = this.family === 'js' ? 'call_expression' : 'call';
    const alternatives = names.map((name) => name.replace(/[$]/g, '\\$')).join('|');
    const calls = rootOf(node).findAll({ rule: { kind, has: { field: 'function', regex: `(?:^|\\.)(?:${alternatives})$` } } });
    return (this.helperCalls = calls.map((call) => {
      const { start, end } = call.range();
      return { call, start: start.index, end: end.index };
    }));
  }

  private localFunctions(node: SgNode): Map<string, SgNode[]> {
    if (this.locals) return this.locals;
    const locals = new Map<string, SgNode[]>();
    for (const fn of rootOf(node).findAll({ rule: { any: [...FUNCTION_KINDS[this.family]].map((kind) => ({ kind })) } })) {
      const name = this.callableName(fn);
      if (!name) continue;
      if (!locals.has(name)) locals.set(name, []);
      locals.get(name)!.push(fn);
    }
    return (this.locals = locals);
  }

  /** What a function returns: its `return` values (not those of functions nested in it), or an arrow's body. */
  private returnValues(fn: SgNode): SgNode[] {
    const body = fn.field('body');
    if (!body) return [];
    if (this.family === 'js' && fn.kind() === 'arrow_function' && body.kind() !== 'statement_block') return [body];
    const out: SgNode[] = [];
    for (const ret of body.findAll({ rule: { kind: 'return_statement' } })) {
      const inner = ret.ancestors().find((a) => FUNCTION_KINDS[this.family].has(String(a.kind())));
      if (!inner || !sameRange(inner, fn)) continue;
      const value = ret.namedChildren().find((c) => c.kind() !== 'comment');
      if (value) out.push(value);
    }
    return out;
  }

  /**
   * A local helper that cleans what it is given: it returns something, and no returned value
   * carries one of its parameters past a sanitizer (escape, basename, a prefix-checked path …).
   */
  private cleansArguments(fn: SgNode): boolean {
    const key = fn.range().start.index;
    const known = this.cleaning.get(key);
    if (known !== undefined) return known;
    this.cleaning.set(key, false); // a helper that calls itself is not a sanitizer
    const params = new Set(this.parameterNames(fn).filter(Boolean));
    const values = this.returnValues(fn);
    let clean = values.length > 0 && params.size > 0;
    for (const value of values) {
      if (!clean) break;
      const scope = this.scopeAround(value);
      const at = value.range().start.index;
      const unbound = new Set<string>();
      const seen = new Set<string>();
      for (const name of this.factsOf(value).uses) this.taintedName(name, at, scope, () => false, 0, seen, unbound);
      if ([...unbound].some((name) => params.has(name))) clean = false;
    }
    this.cleaning.set(key, clean);
    return clean;
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
    if (sanitized.some((call) => sameRange(call, node)) || this.allowListLookup(node)) return { fromSource: false, fromArgv: false, uses: new Set() };
    let text = node.text();
    for (const call of sanitized) text = text.replace(call.text(), ' ');
    return {
      fromSource: REQUEST_SOURCE[this.family].test(text),
      fromArgv: ARGV_SOURCE[this.family].test(text),
      uses: identifiersIn(node, this.family, sanitized),
    };
  }

  /**
   * `TABLE[key]` or `TABLE.get(key)` where TABLE holds a dict literal of constants: whatever the key,
   * the value is one of the table's own constants (an allow-list), never the key itself.
   */
  private allowListLookup(node: SgNode): boolean {
    if (this.family !== 'python') return false;
    let table: SgNode | null = null;
    if (node.kind() === 'subscript') table = node.field('value');
    else if (node.kind() === 'call') {
      const callee = node.field('function');
      const args = node.field('arguments')?.namedChildren().filter((a) => a.kind() !== 'comment') ?? [];
      if (callee?.kind() === 'attribute' && callee.field('attribute')?.text() === 'get' && args.length === 1 && args[0].kind() !== 'keyword_argument') table = callee.field('object');
    }
    if (!table) return false;
    if (table.kind() === 'dictionary') return constantDictionary(table);
    if (table.kind() !== 'identifier') return false;
    const values = this.valuesOf(table).slice(1);
    return values.length > 0 && values.every((value) => value.kind() === 'dictionary' && constantDictionary(value));
  }

  /** Calls that make a value safe to use (escaping, numeric conversion, basename …): taint stops there. */
  private sanitizerCalls(node: SgNode): SgNode[] {
    const rule = SANITIZER_RULE[this.family];
    const calls = node.findAll(rule);
    const found = node.matches(rule) ? [node, ...calls] : calls;
    // Calls to local helpers that clean their arguments count as sanitizers too. Only calls by
    // a local function's name are looked at (found natively, not every call of the value).
    const { start, end } = node.range();
    const candidates = this.helperCallSites(node).filter((site) => site.start >= start.index && site.end <= end.index);
    for (const { call } of candidates) {
      const helper = this.localCallee(call);
      if (helper && !within(call, helper) && this.cleansArguments(helper)) found.push(call);
    }
    return found;
  }

  private scopeAround(node: SgNode): Scope {
    const scope = this.outermostFunction(node);
    const key = scope.range().start.index * 2 + (scope.kind() === 'program' || scope.kind() === 'module' ? 1 : 0);
    let found = this.scopes.get(key);
    if (!found) this.scopes.set(key, (found = { assignments: this.collect(scope), checks: this.checks(scope) }));
    return found;
  }

  /**
   * Checks in a scope that keep a value in bounds: `p.startsWith(base)` (`startswith`,
   * `is_relative_to`), the same on a normalised path (`path.resolve(base, p).startsWith(base)`,
   * `os.path.realpath(p).startswith(BASE)`), and redirect-target validators such as Django's
   * `url_has_allowed_host_and_scheme(url, …)`.
   */
  private checks(scope: SgNode): Check[] {
    const text = scope.text();
    const prefix = /\.(?:startsWith|startswith|is_relative_to)\(/.test(text);
    const guard = GUARD_TEXT.test(text);
    if (!prefix && !guard) return [];
    const kind = this.family === 'js' ? 'call_expression' : 'call';
    const out: Check[] = [];
    if (prefix) {
      for (const call of scope.findAll({ rule: { kind, has: { field: 'function', regex: '\\.(?:startsWith|startswith|is_relative_to)$' } } })) {
        const object = call.field('function')?.field('object');
        const start = call.range().start.index;
        if (object?.kind() === 'identifier') out.push({ name: object.text(), start, bounded: false });
        else if (object && NORMALISED_PATH.test(object.text())) {
          for (const name of identifiersIn(object.field('arguments') ?? object, this.family)) out.push({ name, start, bounded: true });
        }
      }
    }
    if (guard) {
      for (const call of scope.findAll({ rule: { kind, has: { field: 'function', regex: GUARD_CALLEE } } })) {
        const first = call.field('arguments')?.namedChildren()[0];
        const value = first?.kind() === 'keyword_argument' ? first.field('value') : first;
        if (value?.kind() === 'identifier') out.push({ name: value.text(), start: call.range().start.index, bounded: true });
      }
    }
    return out;
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

  private collect(scope: SgNode, where: Record<string, unknown> = {}): Assignment[] {
    const kinds =
      this.family === 'js'
        ? ['variable_declarator', 'assignment_expression', 'augmented_assignment_expression']
        : ['assignment', 'augmented_assignment', 'for_statement', 'named_expression', 'aliased_import'];
    const out: Assignment[] = [];
    for (const node of scope.findAll({ rule: { any: kinds.map((kind) => ({ kind })), ...where } })) {
      // `import Crypto.Cipher.DES as des` / `from Crypto.Cipher import DES as des`: the alias
      // stands for the imported name, so a rule can see what `des.new(…)` really calls.
      const alias = node.kind() === 'aliased_import';
      const target = alias ? node.field('alias') : (node.field('name') ?? node.field('left'));
      const value = alias ? node.field('name') : (node.field('value') ?? node.field('right'));
      if (!target || !value) continue;
      const names = target.kind() === 'identifier' ? [target.text()] : [...identifiersIn(target, this.family)];
      out.push({ start: value.range().end.index, names, value, augmented: String(node.kind()).startsWith('augmented') });
    }
    // Request-data parameters are bindings of a function scope, not module constants.
    if (Object.keys(where).length === 0 && PARAMETER_SOURCE_TEXT[this.family].test(scope.text())) out.push(...this.sourceParameters(scope));
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

function rootOf(node: SgNode): SgNode {
  let root = node;
  for (const ancestor of node.ancestors()) root = ancestor;
  return root;
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

/** A dict literal whose every value is a plain string or a number. */
function constantDictionary(dict: SgNode): boolean {
  const entries = dict.namedChildren().filter((c) => c.kind() !== 'comment');
  return entries.every((entry) => {
    if (entry.kind() !== 'pair') return false;
    const value = entry.field('value');
    return value !== null && (value.kind() === 'integer' || value.kind() === 'float' || (value.kind() === 'string' && !value.find({ rule: { kind: 'interpolation' } })));
  });
}
