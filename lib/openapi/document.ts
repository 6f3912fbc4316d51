// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas with zod 4's own
// z.toJSONSchema (draft 2020-12, the dialect of OpenAPI 3.1): request bodies and query
// parameters as inputs, responses as outputs (ADR 0022). Built once per process.
import { z } from 'zod';
import '@/lib/validation';
import { apiComponents } from './registry';
import { ERROR_RESPONSES, type ErrorStatus } from './errors';
import { OPERATIONS, TAGS, type Media, type Operation, type ResponseSpec } from './operations';

type JsonSchema = Record<string, unknown>;
export interface OpenApiDocument {
  openapi: '3.1.1';
  info: Record<string, unknown>;
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, unknown> };
  security: Record<string, string[]>[];
}

const REF = (id: string) => `#/components/schemas/${id}`;
const isMedia = (body: z.ZodType | Media): body is Media => !(body instanceof z.ZodType);

/** A query field without its `preprocess` (blank → absent), whose input side says nothing. */
function unwrapPreprocess(field: z.ZodType): z.ZodType {
  const def = field._zod.def as { type: string; in?: z.ZodType; out?: z.ZodType };
  if (def.type === 'pipe' && def.in && def.out && (def.in._zod.def as { type: string }).type === 'transform') return def.out;
  return field;
}

function clean(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

/** Converts many schemas at once: named components become `$ref`s, the others come back inline. */
function convert(io: 'input' | 'output', schemas: z.ZodType[], components: Map<string, z.ZodType>) {
  const registry = z.registry<{ id: string }>();
  const idOf = new Map<z.ZodType, string>();
  for (const [id, schema] of components) {
    registry.add(schema, { id });
    idOf.set(schema, id);
  }
  let n = 0;
  for (const schema of schemas) {
    if (idOf.has(schema)) continue;
    const id = `__inline${n++}`;
    registry.add(schema, { id });
    idOf.set(schema, id);
  }
  const { schemas: out } = z.toJSONSchema(registry, { target: 'draft-2020-12', io, unrepresentable: 'any', uri: REF }) as {
    schemas: Record<string, JsonSchema>;
  };
  const named: Record<string, JsonSchema> = {};
  for (const id of components.keys()) named[id] = clean(out[id] ?? {});
  const ref = (schema: z.ZodType): JsonSchema => {
    const id = idOf.get(schema)!;
    return components.has(id) ? { $ref: REF(id) } : clean(out[id] ?? {});
  };
  return { named, ref };
}

function pathParameters(path: string) {
  const DESCRIPTIONS: Record<string, string> = {
    id: 'Identifiant de la ressource.',
    slug: 'Identifiant d’URL du territoire (`tarn-nord`).',
    code: 'Code INSEE de la région (`76`).',
    n: 'Numéro de la version du plan.',
    token: 'Le jeton reçu par courriel.',
  };
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    description: DESCRIPTIONS[name!] ?? name,
    schema: { type: 'string' },
  }));
}

function queryParameters(query: z.ZodObject | undefined) {
  if (!query) return [];
  return Object.entries(query.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const schema = clean(z.toJSONSchema(unwrapPreprocess(field), { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonSchema);
    const { description, ...rest } = schema;
    return {
      name,
      in: 'query',
      required: !field.safeParse(undefined).success,
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

function errorStatuses(op: Operation): ErrorStatus[] {
  const statuses = new Set<ErrorStatus>(op.errors ?? []);
  const authenticated = (op.auth ?? 'user') === 'user';
  if (authenticated) {
    statuses.add(401);
    statuses.add(403);
    if (op.path.includes('{')) statuses.add(404);
  }
  if (op.body) {
    statuses.add(400);
    statuses.add(413);
    statuses.add(415);
  }
  statuses.add(503);
  return [...statuses].sort((a, b) => a - b);
}

export function buildOpenApiDocument(operations: Operation[] = OPERATIONS): OpenApiDocument {
  const jsonBodies = (specs: (z.ZodType | Media | undefined)[]) => specs.filter((b): b is z.ZodType => !!b && !isMedia(b));
  const inputs = convert('input', jsonBodies(operations.map((o) => o.body)), new Map());
  const errorSchemas = Object.values(ERROR_RESPONSES).map((e) => e.schema as z.ZodType);
  const outputs = convert(
    'output',
    [...jsonBodies(operations.flatMap((o) => Object.values(o.responses).map((r) => r?.body))), ...errorSchemas],
    apiComponents,
  );

  const content = (body: z.ZodType | Media, convertWith: typeof inputs.ref) =>
    isMedia(body)
      ? { [body.contentType]: { schema: body.contentType === 'application/json' ? { type: 'object' } : { type: 'string', contentMediaType: body.contentType } } }
      : { 'application/json': { schema: convertWith(body) } };

  const response = (spec: ResponseSpec) => ({
    description: spec.description,
    ...(spec.headers
      ? { headers: Object.fromEntries(Object.entries(spec.headers).map(([name, description]) => [name, { description, schema: { type: 'string' } }])) }
      : {}),
    ...(spec.body ? { content: content(spec.body, outputs.ref) } : {}),
  });

  const paths: OpenApiDocument['paths'] = {};
  for (const op of operations) {
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(op.responses)) if (spec) responses[status] = response(spec);
    for (const status of errorStatuses(op)) {
      const e = ERROR_RESPONSES[status];
      responses[String(status)] = { description: e.description, content: { 'application/json': { schema: outputs.ref(e.schema) } } };
    }
    const parameters = [...pathParameters(op.path), ...queryParameters(op.query)];
    (paths[op.path] ??= {})[op.method] = {
      tags: [TAGS[op.tag].name],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      operationId: `${op.method}${op.path.replace(/^\/api\/v1/, '').replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      ...(parameters.length ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content: content(op.body, inputs.ref) } } : {}),
      responses,
      ...(op.auth === 'public' ? { security: [] } : {}),
    };
  }

  return {
    openapi: '3.1.1',
    info: {
      title: 'API Territoires d’industrie',
      version: '1',
      description:
        'L’API JSON du programme Territoires d’industrie, générée depuis les schémas zod de l’application. Les notions communes (authentification, erreurs, versions et conflits, pagination, conventions) sont décrites dans `docs/API.md` ; ce document donne chaque route. Les montants sont en centimes, les dates `AAAA-MM-JJ`, les champs inconnus refusés (400).',
    },
    tags: Object.values(TAGS).map((t) => ({ name: t.name, description: t.description })),
    paths,
    components: {
      schemas: outputs.named,
      securitySchemes: {
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'next-auth.session-token',
          description: 'Session du navigateur (`__Secure-next-auth.session-token` en HTTPS). Les écritures exigent l’origine de l’application.',
        },
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'ti_pat_…',
          description: 'Jeton d’API personnel (`/compte/jetons`) : agit comme son utilisateur ; un jeton `read` reçoit 403 sur toute écriture.',
        },
      },
    },
    security: [{ sessionCookie: [] }, { bearerToken: [] }],
  };
}

let cached: OpenApiDocument | undefined;

/** The document, built on first use. */
export function openApiDocument(): OpenApiDocument {
  return (cached ??= buildOpenApiDocument());
}
