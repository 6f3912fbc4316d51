// The OpenAPI document covers every route file of /api/v1 and every method it exports,
// declares nothing that does not exist, and is a well-formed 3.1 document whose schemas
// compile (ADR 0022). Real responses are checked against it in
// tests/integration/openapi.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { buildOpenApiDocument } from './document';

const API_ROOT = path.resolve(import.meta.dirname, '../../app/api/v1');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** `app/api/v1/actions/[id]/route.ts` → `/api/v1/actions/{id}`, with the methods it exports. */
function routeFiles(dir = API_ROOT): { path: string; methods: string[] }[] {
  const out: { path: string; methods: string[] }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...routeFiles(full));
    else if (entry.name === 'route.ts') {
      const source = readFileSync(full, 'utf8');
      const methods = METHODS.filter((m) => new RegExp(`export\\s+(?:const|(?:async\\s+)?function)\\s+${m}\\b`).test(source));
      const rel = path.relative(API_ROOT, dir).split(path.sep).map((s) => s.replace(/^\[(\w+)\]$/, '{$1}'));
      out.push({ path: ['/api/v1', ...rel].filter(Boolean).join('/'), methods: methods.map((m) => m.toLowerCase()) });
    }
  }
  return out;
}

const doc = buildOpenApiDocument();

describe('the OpenAPI document', () => {
  const files = routeFiles();

  it('finds the route files (the walk itself works)', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(files.find((f) => f.path === '/api/v1/actions/{id}')?.methods).toEqual(['get', 'patch']);
  });

  it('lists every route file and every method it exports', () => {
    const missing = files.flatMap((f) => f.methods.filter((m) => !doc.paths[f.path]?.[m]).map((m) => `${m.toUpperCase()} ${f.path}`));
    expect(missing).toEqual([]);
  });

  it('lists nothing that no route file exports', () => {
    const known = new Set(files.flatMap((f) => f.methods.map((m) => `${m} ${f.path}`)));
    const extra = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).filter((m) => !known.has(`${m} ${p}`)).map((m) => `${m} ${p}`));
    expect(extra).toEqual([]);
  });

  it('declares each path parameter, security and the error bodies', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearerToken', 'sessionCookie']);
    for (const [p, ops] of Object.entries(doc.paths)) {
      const names = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(ops)) {
        const params = (op.parameters as { name: string; in: string }[] | undefined) ?? [];
        expect(params.filter((x) => x.in === 'path').map((x) => x.name), `${method} ${p}`).toEqual(names);
        const responses = op.responses as Record<string, unknown>;
        if (op.security === undefined) expect(Object.keys(responses), `${method} ${p}`).toEqual(expect.arrayContaining(['401', '403']));
        if (op.requestBody) expect(Object.keys(responses), `${method} ${p}`).toEqual(expect.arrayContaining(['400', '415']));
      }
    }
    const patch = doc.paths['/api/v1/actions/{id}']!.patch!.responses as Record<string, { content: Record<string, { schema: unknown }> }>;
    expect(patch['409']!.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/ConflictError' });
  });

  it('has every reference resolved and every schema compiled by a JSON Schema 2020-12 validator', () => {
    const text = JSON.stringify(doc);
    for (const [, id] of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) expect(doc.components.schemas, id).toHaveProperty(id!);
    expect(text).not.toContain('__inline');
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'openapi.json', components: doc.components });
    for (const id of Object.keys(doc.components.schemas)) expect(() => ajv.getSchema(`openapi.json#/components/schemas/${id}`), id).not.toThrow();
  });

  it('keeps permissions out of the DTOs: no `can…` flag outside the plan’s separate `permissions`', () => {
    const schemas = { ...doc.components.schemas };
    delete schemas.PlanPermissions;
    expect(JSON.stringify(schemas)).not.toMatch(/"can[A-Z]\w*"/);
  });
});
