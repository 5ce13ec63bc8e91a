// The OpenAPI description, generated from the route table in routes.ts: each route's path and query
// parameters come from the zod schemas that validate them, so the description says what the server checks.
import { z } from 'zod'

export interface RouteDoc {
  method: 'get' | 'post'
  path: string // Hono syntax: /api/documents/:id
  summary: string
  params?: z.ZodObject
  query?: z.ZodObject
  /** Request bodies of a write, by content type. */
  body?: Record<string, z.ZodType>
  csv?: boolean
  write?: boolean
  /** What a 200 holds, in words (the shapes are the library's types, listed in the README). */
  returns: string
  notFound?: boolean
}

function parameters(schema: z.ZodObject | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return []
  return Object.entries(schema.shape).map(([name, field]) => {
    const s = z.toJSONSchema(field as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
    const { description, $schema: _drop, ...rest } = s
    return { name, in: where, required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success, description, schema: rest }
  })
}

const errorSchema = { type: 'object', properties: { error: { type: 'object', properties: { status: { type: 'integer' }, message: { type: 'string' }, issues: { type: 'array' } }, required: ['status', 'message'] } } }
const err = (description: string) => ({ description, content: { 'application/json': { schema: errorSchema } } })

export function openApi(routes: RouteDoc[], version: string): unknown {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z]+)/g, '{$1}')
    const ok: Record<string, unknown> = { 'application/json': { schema: {} } }
    if (r.csv) ok['text/csv'] = { schema: { type: 'string' } }
    const responses: Record<string, unknown> = { 200: { description: r.returns + (r.csv ? ' (format=csv: the same rows as CSV)' : ''), content: ok } }
    if (r.params || r.query || r.body) responses[400] = err('a parameter is missing or wrong; issues name each one')
    if (r.notFound) responses[404] = err('nothing with this id or name')
    if (r.write) {
      responses[401] = err('a token is needed (server bound beyond 127.0.0.1/::1, or started with a token) or was wrong')
      responses[403] = err('the request came from another site')
      responses[413] = err('the upload is larger than the server accepts')
      responses[415] = err('the body is neither multipart/form-data nor application/json')
    }
    const op: Record<string, unknown> = { summary: r.summary, parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')], responses }
    if (r.write) op.security = [{ bearer: [] }]
    if (r.body) {
      op.requestBody = {
        required: true,
        content: Object.fromEntries(Object.entries(r.body).map(([type, schema]) => [type, { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) }])),
      }
    }
    ;(paths[path] ??= {})[r.method] = op
  }
  return {
    openapi: '3.1.0',
    info: { title: 'parley', version, description: 'Events, actors, quotes and documents read from Chinese-language news about diplomatic negotiations. Lists page with limit/offset and return their total.' },
    paths,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  }
}
