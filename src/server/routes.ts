// Every route of `parley serve`, on one screen: the JSON API under /api (each with the zod schemas that check its
// parameters; the OpenAPI description is generated from this table), the dashboard's pages, and its static files.
// Handlers are thin: they validate, call the read side (read.ts for documents and their facts, record.ts for the
// record: merged events, stances, claims) or the ingest pipeline, and format.
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import type { Store } from '../store/store.js'
import * as read from './read.js'
import * as rec from './record.js'
import * as P from './params.js'
import { HttpError, checkWrite, csv, errorBody, securityHeaders, validate } from './http.js'
import { openApi, type RouteDoc } from './openapi.js'
import { ingestUploads, ingestUrl } from './upload.js'
import * as T from './tables.js'
import { staticFile } from '../web/assets.js'
import * as pages from '../web/pages/index.js'
import { errorPage } from '../web/layout.js'

export interface ServerOptions {
  store: Store
  /** Required on every write when set; `parley serve` sets one whenever it listens beyond loopback. */
  token: string | null
  maxUpload: number
  version: string
}

type Table = { name: string; columns: string[]; rows: Record<string, unknown>[] }
interface ApiRoute extends RouteDoc {
  run: (c: Context, o: ServerOptions, q: unknown, p: unknown) => unknown
  table?: (data: never) => Table
}

/** One GET route of the API: its query and path schemas, what it returns, and (for CSV) its rows. */
function get<Q extends z.ZodObject, Pa extends z.ZodObject, R>(def: Omit<RouteDoc, 'method' | 'query' | 'params'> & { query?: Q; params?: Pa; run: (o: ServerOptions, q: z.infer<Q>, p: z.infer<Pa>) => R; table?: (r: R) => Table }): ApiRoute {
  return { ...def, method: 'get', csv: !!def.table, run: (_c, o, q, p) => def.run(o, q as z.infer<Q>, p as z.infer<Pa>), table: def.table as ApiRoute['table'] }
}

const API: ApiRoute[] = [
  get({ path: '/api/documents', summary: 'stored documents, newest first', query: P.DocumentsQuery, returns: '{total, limit, offset, items: DocumentSummary[]}', run: (o, q) => read.documents(o.store, q, q.limit, q.offset), table: T.documents }),
  get({
    path: '/api/documents/:id',
    summary: 'one document: its text, sentences, sightings, and every fact extracted from it (mentions, times, numbers, quotes, events)',
    params: P.IdParam,
    notFound: true,
    returns: 'DocumentDetail',
    run: (o, _q, p) => read.documentDetail(o.store, p.id) ?? notFound(`no document with id ${p.id}`),
  }),
  get({ path: '/api/events', summary: 'coded events, oldest first, each with its document and evidence sentences', query: P.EventsQuery, returns: '{total, limit, offset, items: EventView[]}', run: (o, q) => read.eventsPage(o.store, q, q.limit, q.offset), table: (r) => T.events(r.items) }),
  get({
    path: '/api/events/:id',
    summary: 'one event as one document reports it, with its evidence; the id of the merged event it went into; the reports of the same type on the same date in other documents',
    params: P.EventIdParam,
    notFound: true,
    returns: '{event: EventView, merged: string | null, sameDay: EventView[]}',
    run: (o, _q, p) => {
      const event = read.event(o.store, p.id) ?? notFound(`no event with id ${p.id}`)
      return { event, merged: rec.mergedEventOf(o.store, event.id)?.id ?? null, sameDay: read.sameDayReports(o.store, event) }
    },
  }),
  get({ path: '/api/actors', summary: 'actors named in the stored documents, most mentioned first, with counts', query: P.ActorsQuery, returns: '{total, limit, offset, items: ActorRow[]}', run: (o, q) => read.page(read.actors(o.store), q.limit, q.offset), table: (r) => T.actors(r.items) }),
  get({
    path: '/api/actors/:name',
    summary: 'one actor by any spelling: spellings seen, lexicon aliases by region, offices, roles in events, events, quotes',
    params: P.ActorParam,
    notFound: true,
    returns: 'ActorDetail',
    run: (o, _q, p) => {
      const r = read.actorDetail(o.store, p.name)
      if ('found' in r) return r.found
      if ('ambiguous' in r) throw new HttpError(400, `"${p.name}" names several actors: ${r.ambiguous.map((a) => a.id).join(', ')}`, r.ambiguous)
      return notFound(`no actor named "${p.name}"`)
    },
  }),
  get({ path: '/api/quotes', summary: 'direct quotes with their speakers, by publication date', query: P.QuotesQuery, returns: '{total, limit, offset, items: QuoteView[]}', run: (o, q) => read.quotesPage(o.store, q, q.limit, q.offset), table: (r) => T.quotes(r.items) }),
  get({ path: '/api/search', summary: 'full-text search in either script, best match first', query: P.SearchQuery, returns: '{total, items: SearchHit[]} (snippets mark hits with « »)', run: (o, q) => listOf(read.search(o.store, q.q, q.limit)), table: (r) => T.hits(r.items) }),
  get({ path: '/api/timeline', summary: 'merged events (one per real-world event, every source’s report inside) in date order, each on a lane: happened or planned; undated ones apart', query: P.TimelineQuery, returns: '{events: MergedEvent[], undated: MergedEvent[], first, last}', run: (o, q) => rec.recordTimeline(o.store, q), table: (r) => T.merged(r.events) }),
  get({ path: '/api/merged-events', summary: 'merged events in date order, paged; each report with the sentence of its document that holds the evidence', query: P.MergedEventsQuery, returns: '{total, limit, offset, items: MergedEventView[]}', run: (o, q) => rec.mergedEventsPage(o.store, q, q.limit, q.offset), table: (r) => T.merged(r.items) }),
  get({
    path: '/api/merged-events/:id',
    summary: 'one merged event: its coded fields, divergent accounts, and every source’s report with its sentence',
    params: P.EventIdParam,
    notFound: true,
    returns: 'MergedEventView',
    run: (o, _q, p) => rec.mergedEvent(o.store, p.id) ?? notFound(`no merged event with id ${p.id}`),
  }),
  get({ path: '/api/stances', summary: 'the stance matrix (actors or countries x issues) as of a date: each cell’s position then and its whole history', query: P.StancesQuery, returns: 'StanceMatrix (format=csv: one row per filled cell)', run: (o, q) => rec.stanceMatrix(o.store, q), table: (r) => T.matrix(r) }),
  get({ path: '/api/stances/history', summary: 'every position an actor (or a country’s actors) took on one issue, oldest first, with the words it rests on', query: P.StanceHistoryQuery, returns: '{total, items: Stance[]}', run: (o, q) => listOf(rec.stanceHistory(o.store, q)), table: (r) => T.stances(r.items) }),
  get({ path: '/api/claims', summary: 'numbers several sources give for one quantity, compared across sources and time (canonical unit, qualifier kept)', query: P.ClaimsQuery, returns: '{total, items: Claim[]} (format=csv: one row per account)', run: (o, q) => listOf(rec.claims(o.store, q)), table: (r) => T.claims(r.items) }),
  get({ path: '/api/network', summary: 'who met, called or visited whom: actors as nodes, edges weighted by merged events', query: P.NetworkQuery, returns: 'Network', run: (o, q) => read.network(o.store, q), table: (r) => T.edges(r) }),
]

const PUBLISHED = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?)?$/, 'a date such as 2025-02-13 or 2025-02-13T10:00+08:00')
const UploadForm = z.object({ file: z.any().describe('one or more files (field repeated)'), published: PUBLISHED.optional().describe('publication date for these files'), token: z.string().optional().describe('the write token, for HTML forms that cannot send a header') })
const INGEST: RouteDoc = {
  method: 'post',
  path: '/api/ingest',
  summary: 'ingest uploaded files (multipart/form-data, field "file", repeatable) or a feed/page URL (application/json {"url": …})',
  body: { 'multipart/form-data': UploadForm, 'application/json': P.IngestUrlBody },
  write: true,
  returns: 'IngestSummary: one outcome per input (new / known / failed with the reason)',
}
const OPENAPI: RouteDoc = { method: 'get', path: '/api/openapi.json', summary: 'this description', returns: 'OpenAPI 3.1' }

function notFound(message: string): never {
  throw new HttpError(404, message)
}

const listOf = <T>(items: T[]) => ({ total: items.length, items })

const isApi = (c: Context): boolean => c.req.path.startsWith('/api/')

/** The query parameters, an empty one (an HTML form's blank field) read as absent. */
const query = (c: Context): Record<string, string> => Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v.trim() !== ''))

export function createApp(o: ServerOptions): Hono {
  const app = new Hono()
  app.use('*', securityHeaders)
  app.onError((e, c) => {
    const err = e instanceof HttpError ? e : null
    if (!err) console.error(e)
    const status = err?.status ?? 500
    if (isApi(c)) return c.json(err ? errorBody(err) : { error: { status: 500, message: 'internal error' } }, status)
    return c.html(errorPage(status, err?.message ?? 'internal error').value, status)
  })
  app.notFound((c) => (isApi(c) ? c.json(errorBody(new HttpError(404, `no route ${c.req.method} ${c.req.path}`)), 404) : c.html(errorPage(404, `no page ${c.req.path}`).value, 404)))

  const docs = [...API, INGEST, OPENAPI]
  const spec = openApi(docs, o.version)
  app.get(OPENAPI.path, (c) => c.json(spec))

  for (const r of API) {
    app.get(r.path, (c) => {
      const q = validate(r.query ?? z.object({}), query(c), 'query')
      const p = validate(r.params ?? z.object({}), c.req.param(), 'path')
      const data = r.run(c, o, q, p)
      if ((q as { format?: string }).format === 'csv' && r.table) {
        const t = r.table(data as never)
        return csv(c, t.rows, t.columns, t.name)
      }
      return c.json(data as object)
    })
  }

  const limit = bodyLimit({
    maxSize: o.maxUpload,
    onError: (c) => {
      const e = new HttpError(413, `the upload is larger than ${o.maxUpload} bytes`)
      return isApi(c) ? c.json(errorBody(e), 413) : c.html(errorPage(413, e.message).value, 413)
    },
  })
  app.post(INGEST.path, limit, async (c) => {
    const type = c.req.header('content-type') ?? ''
    if (type.startsWith('application/json')) {
      checkWrite(c, o.token)
      const body = validate(P.IngestUrlBody, await c.req.json().catch(() => null), 'body')
      return c.json(await ingestUrl(o.store, body.url))
    }
    if (!type.startsWith('multipart/form-data')) throw new HttpError(415, 'send multipart/form-data (files) or application/json ({"url": …})')
    const form = await c.req.parseBody({ all: true })
    checkWrite(c, o.token, typeof form.token === 'string' ? form.token : undefined)
    const published = validate(PUBLISHED.optional(), form.published || undefined, 'published')
    return c.json(await ingestUploads(o.store, files(form.file), published))
  })

  // The dashboard: server-rendered pages over the same read side.
  app.get('/', (c) => c.redirect('/timeline'))
  app.get('/timeline', (c) => c.html(pages.timeline(o.store, validate(P.TimelinePageQuery, query(c), 'filter')).value))
  app.get('/merged/:id', (c) => page(c, pages.merged(o.store, validate(P.EventIdParam, c.req.param(), 'path').id)))
  app.get('/events', (c) => c.html(pages.events(o.store, validate(P.EventsQuery, query(c), 'filter')).value))
  app.get('/events/:id', (c) => page(c, pages.event(o.store, validate(P.EventIdParam, c.req.param(), 'path').id)))
  app.get('/quotes', (c) => c.html(pages.quotes(o.store, validate(P.QuotesQuery, query(c), 'filter')).value))
  app.get('/stances', (c) => c.html(pages.stances(o.store, validate(P.StancesQuery, query(c), 'filter')).value))
  app.get('/stances/history', (c) => c.html(pages.stanceHistory(o.store, validate(P.StanceHistoryQuery, query(c), 'filter')).value))
  app.get('/claims', (c) => c.html(pages.claims(o.store, validate(P.ClaimsQuery, query(c), 'filter')).value))
  app.get('/actors', (c) => {
    const name = c.req.query('name')?.trim()
    if (name) return c.redirect(`/actors/${encodeURIComponent(name)}`)
    return c.html(pages.actors(o.store, validate(P.ActorsQuery, query(c), 'query')).value)
  })
  app.get('/actors/:name', (c) => page(c, pages.actor(o.store, validate(P.ActorParam, c.req.param(), 'path').name)))
  app.get('/network', (c) => c.html(pages.network(o.store, validate(P.NetworkQuery, query(c), 'filter')).value))
  app.get('/documents', (c) => c.html(pages.documents(o.store, validate(P.DocumentsQuery, query(c), 'query')).value))
  app.get('/documents/:id', (c) => page(c, pages.document(o.store, validate(P.IdParam, c.req.param(), 'path').id)))
  app.get('/search', (c) => c.html(pages.search(o.store, c.req.query('q') ? validate(P.SearchQuery, query(c), 'query') : null).value))
  app.get('/ingest', (c) => c.html(pages.ingestForm(o.token !== null).value))
  app.post('/ingest', limit, async (c) => {
    const form = await c.req.parseBody({ all: true })
    checkWrite(c, o.token, typeof form.token === 'string' ? form.token : undefined)
    const url = typeof form.url === 'string' ? form.url.trim() : ''
    const summary = url ? await ingestUrl(o.store, validate(P.IngestUrlBody, { url }, 'url').url) : await ingestUploads(o.store, files(form.file), validate(PUBLISHED.optional(), form.published || undefined, 'published'))
    return c.html(pages.ingestResult(summary).value)
  })

  // Static files: a fixed list read at start, looked up by name; a path never reaches the file system.
  app.get('/static/:name', (c) => {
    const f = staticFile(c.req.param('name'))
    if (!f) return c.notFound()
    return c.body(f.body, 200, { 'Content-Type': f.type, 'Cache-Control': 'no-cache' })
  })
  return app
}

/** A page by id or name; the pages say "not found" in their own words, and the status says it too. */
function page(c: Context, h: { value: string }): Response {
  return c.html(h.value, h.value.includes('<h1>404</h1>') ? 404 : 200)
}

function files(v: unknown): File[] {
  const all = Array.isArray(v) ? v : v === undefined ? [] : [v]
  return all.filter((x): x is File => x instanceof File && x.size > 0)
}
