import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from '../openapi';

// ajv-formats is CommonJS: its default export is the function itself or sits under `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => void;

/**
 * Checks responses against the OpenAPI document the server serves, so that a drift between what
 * the server answers and what the document says fails a test. Every response of every test app
 * (`openTestApp`) goes through it; see {@link validatingApp}.
 */

/** What a contract check saw, over the whole test process. */
export const CONTRACT_COUNTS = { validated: 0, skipped: 0, byStatus: {} as Record<string, number> };

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const DOC_ID = 'reorg-openapi';

interface Template {
  path: string;
  pattern: RegExp;
  params: number;
  item: OpenApiDocument;
}

/** A response that does not match the document: what, where, and how. */
export class ContractError extends Error {
  override name = 'ContractError';
}

/**
 * The checker of one document: `check(method, url, response)` throws a {@link ContractError}
 * when the response's status, media type or body is not what the document says for that
 * operation; a path the document lacks must be a 404 problem, a method it lacks a 405 problem
 * with `Allow`. Paths outside `/api`, and Better Auth's own `/api/auth/*`, are not checked.
 */
export class Contract {
  readonly #doc: OpenApiDocument;
  readonly #ajv: Ajv2020;
  readonly #templates: Template[];
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(doc: OpenApiDocument) {
    this.#doc = doc;
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.#ajv);
    this.#ajv.addSchema({ $id: DOC_ID, components: retarget(doc.components ?? {}) });
    this.#templates = Object.entries<OpenApiDocument>(doc.paths ?? {})
      .map(([path, item]) => ({
        path,
        item,
        params: (path.match(/\{/g) ?? []).length,
        pattern: new RegExp(`^${path.replace(/[.+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      }))
      .sort((a, b) => a.params - b.params);
  }

  /** The document's path template of a request path (fewest parameters first), if any. */
  templateOf(pathname: string): Template | undefined {
    return this.#templates.find((t) => t.pattern.test(pathname));
  }

  /** Checks one response (reads a clone of its body; event streams are not read). */
  async check(method: string, url: string, res: Response): Promise<void> {
    const pathname = new URL(url, 'http://localhost').pathname;
    if (!pathname.startsWith('/api/') || pathname.startsWith('/api/auth/')) {
      CONTRACT_COUNTS.skipped++;
      return;
    }
    const where = `${method} ${pathname} → ${res.status}`;
    const template = this.templateOf(pathname);
    const m = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
    const op = template?.item[m];
    if (!template || !op) {
      // No such operation: 404 (no path) or 405 (no method), unless sign-in or a guard refused first.
      const status = template ? 405 : 404;
      if (res.status !== status && res.status !== 401 && res.status !== 403) {
        throw new ContractError(
          `${where}: ${template ? `the document has no ${method} on ${template.path}` : 'the document has no such path'}, so the answer must be ${status} (or 401/403)`,
        );
      }
      if (res.status === 405 && template) {
        const documented = METHODS.filter((k) => template.item[k]).map((k) => k.toUpperCase());
        if (documented.includes('GET')) documented.push('HEAD');
        const allow = (res.headers.get('allow') ?? '').split(',').map((s) => s.trim());
        if (documented.sort().join(',') !== allow.filter(Boolean).sort().join(',')) {
          throw new ContractError(`${where}: Allow is "${allow.join(', ')}"; the document has ${documented}`);
        }
      }
      await this.#checkBody(where, res, { $ref: `${DOC_ID}#/components/schemas/Problem` }, 'problem');
      this.#count(res.status);
      return;
    }
    const responses: OpenApiDocument = op.responses ?? {};
    let response =
      responses[String(res.status)] ?? responses[`${String(res.status)[0]}XX`] ?? responses.default;
    if (!response) {
      throw new ContractError(
        `${where}: ${op.operationId} documents ${Object.keys(responses).join(', ')}, not ${res.status}`,
      );
    }
    if (response.$ref) response = this.#resolve(response.$ref);
    const content: Record<string, { schema?: unknown }> | undefined = response.content;
    const mediaType = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (!content || Object.keys(content).length === 0) {
      const text = method.toUpperCase() === 'HEAD' ? '' : await res.clone().text();
      if (text !== '')
        throw new ContractError(
          `${where}: the document says no body; got ${mediaType} "${text.slice(0, 80)}"`,
        );
      this.#count(res.status);
      return;
    }
    const entry = content[mediaType] ?? content[`${mediaType.split('/')[0]}/*`] ?? content['*/*'];
    if (!entry) {
      throw new ContractError(
        `${where}: Content-Type "${mediaType}" is not among ${Object.keys(content).join(', ')}`,
      );
    }
    // Bodies are checked where the document gives them a JSON form; a CSV or an xlsx (a string
    // schema) is only checked for its media type.
    const isJson = mediaType === 'application/json' || mediaType.endsWith('+json');
    if (method.toUpperCase() !== 'HEAD' && isJson && entry.schema)
      await this.#checkBody(
        where,
        res,
        retarget(entry.schema),
        `${op.operationId} ${res.status} ${mediaType}`,
      );
    this.#count(res.status);
  }

  #count(status: number) {
    CONTRACT_COUNTS.validated++;
    CONTRACT_COUNTS.byStatus[status] = (CONTRACT_COUNTS.byStatus[status] ?? 0) + 1;
  }

  #resolve(ref: string): OpenApiDocument {
    const path = ref.replace(/^#\//, '').split('/');
    let node: unknown = this.#doc;
    for (const key of path)
      node = (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (!node) throw new ContractError(`the document's ${ref} does not resolve`);
    return node as OpenApiDocument;
  }

  async #checkBody(where: string, res: Response, schema: unknown, key: string): Promise<void> {
    const text = await res.clone().text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ContractError(`${where}: the body is not JSON: "${text.slice(0, 120)}"`);
    }
    let validate = this.#compiled.get(key);
    if (!validate) {
      validate = this.#ajv.compile(schema as object);
      this.#compiled.set(key, validate);
    }
    if (!validate(body))
      throw new ContractError(
        `${where}: the body does not match the document (${key}):\n${describe(validate.errors)}`,
      );
  }
}

function describe(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 8)
    .map(
      (e) => `  ${e.instancePath || '(root)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
    )
    .join('\n');
}

/** A copy of a part of the document whose `#/components/...` references point into {@link DOC_ID}. */
function retarget<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (key, v) =>
      key === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${DOC_ID}${v}` : v,
    ),
  ) as T;
}

let shared: Promise<Contract> | undefined;

/**
 * The contract of the served document: `GET /api/openapi.json` of the first app that asks (the
 * document is the same for every app of the process), compiled once.
 */
export function contractOf(app: { request(path: string): Response | Promise<Response> }): Promise<Contract> {
  shared ??= (async () => {
    const res = await app.request('/api/openapi.json');
    if (res.status !== 200) throw new Error(`GET /api/openapi.json answered ${res.status}`);
    return new Contract((await res.json()) as OpenApiDocument);
  })();
  return shared;
}

type RequestingApp = { request: (...args: never[]) => Response | Promise<Response> };

/**
 * The app, with every `request()` answer checked against the served document (see
 * {@link Contract.check}): a response the document does not describe throws a ContractError,
 * which fails the test that made the request. `REORG_CONTRACT=off` turns it off.
 */
export function validatingApp<A extends RequestingApp>(app: A): A {
  if (process.env.REORG_CONTRACT === 'off') return app;
  const request = async (...args: Parameters<A['request']>) => {
    const [input, init] = args as unknown as [string | URL | Request, RequestInit | undefined];
    const res = await (app.request as (...a: unknown[]) => Response | Promise<Response>)(...args);
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const url = input instanceof Request ? input.url : String(input);
    const contract = await contractOf(app as unknown as { request(path: string): Promise<Response> });
    await contract.check(method, url, res);
    return res;
  };
  return new Proxy(app, { get: (target, key) => (key === 'request' ? request : Reflect.get(target, key)) });
}
