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
/** A check box or flag: 1, true, on (what an HTML check box sends) or 0, false. */
const flag = z.enum(['1', '0', 'true', 'false', 'on', 'off']).transform((v) => v === '1' || v === 'true' || v === 'on').describe('1 or 0')

const recordFilters = {
  actor: actor.optional(),
  type: types.optional().describe('event types (default every type but statement)'),
  modality: modalities.optional().describe('modalities shown (default reported, historical, planned)'),
  since: date.optional(),
  until: date.optional(),
  statements: flag.optional().describe('list plain statements too (a type filter naming statement lists them anyway)'),
}
/** The merged events of the record in date order: the timeline's chart takes every one that matches. */
export const TimelineQuery = ordered(z.object({ ...recordFilters, format }))
/** The timeline page: its list of merged events pages; the chart above it shows them all. */
export const TimelinePageQuery = ordered(z.object({ ...recordFilters, ...Page.shape, limit: Page.shape.limit.default(100) }))
export const MergedEventsQuery = ordered(Page.extend({ ...recordFilters, format }))

const issues = z.string().transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean)).pipe(z.array(z.string().regex(/^[a-z0-9-]{1,60}$/, 'an issue id such as nato-membership'))).describe('issue ids of lexicon/issues.tsv, comma-separated (nato-membership, ceasefire …)')
export const StancesQuery = ordered(z.object({
  actor: actor.optional(),
  issue: issues.optional(),
  at: date.optional().describe('the matrix as of this date: each cell shows the latest position on or before it (default: the latest)'),
  i: z.coerce.number().int().min(0).max(100_000).optional().describe('the date slider: the i-th date at which some position was recorded (at wins when both are given)'),
  byCountry: flag.optional().describe('one row per country: its officials and bodies together'),
  format,
}))
export const StanceHistoryQuery = z.object({
  actor: actor.optional().describe('the actor (any spelling, or its id)'),
  country: z.string().min(1).max(100).optional().describe('or every actor of this country (a row of the matrix by country)'),
  issue: z.string().regex(/^[a-z0-9-]{1,60}$/, 'an issue id such as nato-membership').describe('an issue id of lexicon/issues.tsv'),
  format,
})
export const ClaimsQuery = z.object({
  quantity: z.string().trim().min(1).max(100).optional().describe('claims whose quantity names this (either script: 領土 finds 乌克兰领土)'),
  format,
})
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
export type TimelinePageQuery = z.infer<typeof TimelinePageQuery>
export type MergedEventsQuery = z.infer<typeof MergedEventsQuery>
export type StancesQuery = z.infer<typeof StancesQuery>
export type StanceHistoryQuery = z.infer<typeof StanceHistoryQuery>
export type ClaimsQuery = z.infer<typeof ClaimsQuery>
export type NetworkQuery = z.infer<typeof NetworkQuery>
export type SearchQuery = z.infer<typeof SearchQuery>
