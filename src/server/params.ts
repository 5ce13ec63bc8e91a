// Query and path parameters of the HTTP API, one zod schema each. routes.ts validates every request with
// these and the OpenAPI description is generated from the same schemas, so the two cannot drift apart.
import { z } from 'zod'
import { EventType, Modality } from '../core/index.js'

export const MAX_LIMIT = 1000

const date = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date: YYYY, YYYY-MM or YYYY-MM-DD')
  .describe('a date at any precision: 2025, 2025-02, 2025-02-18')

/** A comma-separated list, each item checked by `item`: type=call,meeting. */
const list = <T extends z.ZodType>(item: T, what: string) =>
  z
    .string()
    .transform((s, ctx) => {
      const out: z.infer<T>[] = []
      for (const part of s.split(',').map((p) => p.trim()).filter(Boolean)) {
        const r = item.safeParse(part)
        if (r.success) out.push(r.data)
        else ctx.addIssue({ code: 'custom', message: `"${part}" is not ${what}` })
      }
      return out
    })
    .describe(`a comma-separated list, each ${what}`)

/** since after until is a mistake worth a 400, not an empty answer. */
const ordered = <T extends z.ZodObject>(schema: T): T =>
  schema.refine((q: { since?: string; until?: string }) => !q.since || !q.until || q.since.slice(0, q.until.length) <= q.until, { message: 'since is after until', path: ['since'] }) as unknown as T

const format = z.enum(['json', 'csv']).default('json').describe('json (default) or csv')

export const Page = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(50).describe(`page size, 1..${MAX_LIMIT}`),
  offset: z.coerce.number().int().min(0).default(0).describe('rows to skip'),
})

export const DocumentsQuery = ordered(Page.extend({ since: date.optional(), until: date.optional(), format }))
export const IdParam = z.object({ id: z.string().min(1).max(128).describe('a document id or a unique prefix of at least 6 characters') })
export const EventIdParam = z.object({ id: z.string().regex(/^[0-9a-zA-Z_-]{1,128}$/, 'an event id').describe('an event id') })
export const ActorParam = z.object({ name: z.string().min(1).max(100).describe('an actor in any spelling or script (普丁, 普京, Putin) or its id') })

const actor = z.string().min(1).max(100).describe('an actor in any spelling or script (川普, 特朗普, Trump) or its id')
const types = list(EventType, `an event type (${EventType.options.join(', ')})`)
const modalities = list(Modality, `a modality (${Modality.options.join(', ')})`)

export const EventsQuery = ordered(Page.extend({ actor: actor.optional(), type: types.optional(), modality: modalities.optional(), since: date.optional(), until: date.optional(), format }))
export const QuotesQuery = ordered(Page.extend({ speaker: actor.optional(), since: date.optional(), until: date.optional(), format }))
export const ActorsQuery = Page.extend({ format })
export const SearchQuery = z.object({
  q: z.string().trim().min(1, 'the query is empty').max(200).describe('words to find, in either script (烏克蘭 finds 乌克兰); all must occur'),
  limit: z.coerce.number().int().min(1).max(200).default(20).describe('how many hits, 1..200'),
  format,
})
export const TimelineQuery = ordered(z.object({
  actor: actor.optional(),
  type: types.optional(),
  modality: modalities.optional().describe('modalities shown (default reported, historical, planned)'),
  since: date.optional(),
  until: date.optional(),
  format,
}))
export const NetworkQuery = ordered(z.object({
  type: types.optional().describe('event types that connect actors (default call, meeting, visit)'),
  actorType: list(z.enum(['person', 'country', 'organization']), 'an actor type (person, country, organization)').optional().describe('which actors are nodes (default person)'),
  since: date.optional(),
  until: date.optional(),
  nodes: z.coerce.number().int().min(2).max(200).default(40).describe('at most this many nodes, the most connected'),
  format,
}))
export const IngestUrlBody = z.object({ url: z.url({ protocol: /^https?$/ }).describe('a feed or page URL (http or https)') })

export type DocumentsQuery = z.infer<typeof DocumentsQuery>
export type EventsQuery = z.infer<typeof EventsQuery>
export type QuotesQuery = z.infer<typeof QuotesQuery>
export type TimelineQuery = z.infer<typeof TimelineQuery>
export type NetworkQuery = z.infer<typeof NetworkQuery>
export type SearchQuery = z.infer<typeof SearchQuery>
