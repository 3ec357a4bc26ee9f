// A loopback stand-in for api.github.com that checks every request against GitHub's own
// OpenAPI description (@octokit/openapi) and keeps issue comments in memory. A request the
// description does not allow is recorded as a violation; tests assert there are none.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import AjvModule from 'ajv';
import { afterAll, beforeAll } from 'vitest';
import { PROJECT_ROOT } from '../helpers/repo.js';

const Ajv = ((AjvModule as any).default ?? AjvModule) as typeof AjvModule.default;

interface Operation {
  method: string;
  template: string;
  regex: RegExp;
  paramNames: string[];
  spec: any;
}

let operations: Operation[] | undefined;

/** Loads the dereferenced description once per test file (it is large). */
function loadOperations(): Operation[] {
  if (operations) return operations;
  const spec = JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.deref.json'), 'utf8'));
  operations = [];
  for (const [template, item] of Object.entries<any>(spec.paths)) {
    const paramNames: string[] = [];
    const regex = new RegExp(
      '^' +
        template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => {
          paramNames.push(name);
          return '([^/]+)';
        }) +
        '$',
    );
    for (const method of ['get', 'post', 'patch', 'put', 'delete']) {
      if (item[method]) operations.push({ method: method.toUpperCase(), template, regex, paramNames, spec: item[method] });
    }
  }
  return operations;
}

export interface RecordedRequest {
  method: string;
  path: string;
  operation?: string;
  body?: unknown;
}

export interface StoredComment {
  id: number;
  body: string;
}

/** One server for the whole test file: started before its first test, stopped after its last. */
export function gitHubApiServerForSuite(): GitHubApiServer {
  const api = new GitHubApiServer();
  beforeAll(() => api.start());
  afterAll(() => api.stop());
  return api;
}

export class GitHubApiServer {
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  readonly comments: StoredComment[] = [];
  /** Answer the next request matching `operationId` with this HTTP status instead. */
  failures = new Map<string, number>();
  private server?: Server;
  private nextId = 1000;
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

  /** The base URL the action is pointed at (GITHUB_API_URL); set by start(). */
  url = '';

  async start(): Promise<string> {
    loadOperations();
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this.url;
  }

  /** Forgets every request, violation, comment and pending failure: each test starts from an empty server. */
  reset(): void {
    this.requests.length = 0;
    this.violations.length = 0;
    this.comments.length = 0;
    this.failures.clear();
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      this.violations.push(`${method} ${url.pathname}: body is not JSON`);
    }
    const op = loadOperations().find((o) => o.method === method && o.regex.test(url.pathname));
    this.requests.push({ method, path: url.pathname + url.search, operation: op?.spec.operationId, body });
    if (!op) {
      this.violations.push(`${method} ${url.pathname}: no such operation in GitHub's REST API description`);
      return send(res, 404, { message: 'Not Found' });
    }
    this.validate(op, url, body, req);
    const status = this.failures.get(op.spec.operationId);
    if (status) {
      this.failures.delete(op.spec.operationId);
      return send(res, status, { message: status === 403 ? 'Resource not accessible by integration' : 'Server Error' });
    }
    const params = Object.fromEntries(op.paramNames.map((n, i) => [n, decodeURIComponent(op.regex.exec(url.pathname)![i + 1])]));
    switch (op.spec.operationId) {
      case 'issues/list-comments':
        return send(res, 200, this.comments.map((c) => this.shape(c, params)));
      case 'issues/create-comment': {
        const comment = { id: this.nextId++, body: (body as { body: string }).body };
        this.comments.push(comment);
        return send(res, 201, this.shape(comment, params));
      }
      case 'issues/update-comment': {
        const comment = this.comments.find((c) => c.id === Number(params.comment_id));
        if (!comment) return send(res, 404, { message: 'Not Found' });
        comment.body = (body as { body: string }).body;
        return send(res, 200, this.shape(comment, params));
      }
      default:
        this.violations.push(`${method} ${url.pathname}: ${op.spec.operationId} is allowed by GitHub but not expected from the action`);
        return send(res, 501, { message: 'not implemented in the test server' });
    }
  }

  private validate(op: Operation, url: URL, body: unknown, req: IncomingMessage): void {
    const where = `${op.method} ${op.template}`;
    if (!/^(token|Bearer) \S+/.test(String(req.headers.authorization ?? ''))) this.violations.push(`${where}: no Authorization header`);
    const match = op.regex.exec(url.pathname)!;
    for (const param of op.spec.parameters ?? []) {
      const value = param.in === 'path' ? match[op.paramNames.indexOf(param.name) + 1] : param.in === 'query' ? url.searchParams.get(param.name) : undefined;
      if (param.in === 'path' || param.in === 'query') {
        if (value === null || value === undefined) {
          if (param.required) this.violations.push(`${where}: missing required ${param.in} parameter ${param.name}`);
          continue;
        }
        const typed = param.schema?.type === 'integer' || param.schema?.type === 'number' ? Number(value) : decodeURIComponent(value);
        if (!this.ajv.validate(param.schema ?? {}, typed)) this.violations.push(`${where}: ${param.in} parameter ${param.name}=${value}: ${this.ajv.errorsText()}`);
      }
    }
    const known = new Set((op.spec.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => p.name));
    for (const key of url.searchParams.keys()) if (!known.has(key)) this.violations.push(`${where}: unknown query parameter ${key}`);
    const schema = op.spec.requestBody?.content?.['application/json']?.schema;
    if (schema) {
      if (body === undefined && op.spec.requestBody.required) this.violations.push(`${where}: request body required`);
      else if (body !== undefined && !this.ajv.validate(schema, body)) this.violations.push(`${where}: body ${this.ajv.errorsText()}`);
    } else if (body !== undefined) {
      this.violations.push(`${where}: takes no request body`);
    }
  }

  private shape(comment: StoredComment, params: Record<string, string>) {
    const base = `https://github.com/${params.owner}/${params.repo}`;
    return {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: `https://api.github.com/repos/${params.owner}/${params.repo}/issues/comments/${comment.id}`,
      html_url: `${base}/pull/1#issuecomment-${comment.id}`,
      issue_url: `https://api.github.com/repos/${params.owner}/${params.repo}/issues/1`,
      body: comment.body,
      user: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
      created_at: '2026-11-25T00:00:00Z',
      updated_at: '2026-11-25T00:00:00Z',
      author_association: 'NONE',
    };
  }
}

function send(res: ServerResponse, status: number, data: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(data));
}
