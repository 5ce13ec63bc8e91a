// The record: what the resolve stage makes of many documents. One merged event per real-world event, each
// keeping every source's own report; reprints grouped so they count as one source; undated documents given
// a suggested date range. Built by src/resolve, stored by src/store, read by the timeline and the exports.
import { z } from 'zod'
import { EventType, Modality } from './extraction.js'

/** An actor as the record shows it: the lexicon id, its CAMEO actor code and Wikidata id where known. */
export const RecordActor = z.object({
  actorId: z.string().nullable(),
  name: z.string(),
  type: z.enum(['person', 'country', 'organization', 'place']),
  country: z.string().nullable(), // canonical name of the actor's country
  code: z.string().nullable(), // CAMEO actor code: USA, RUSGOV, IGOEUREEC …
  wikidata: z.string().nullable(),
})
export type RecordActor = z.infer<typeof RecordActor>

/** How long the event lasted, as one report states it (一个半小时, 约90分钟, 近一个半小时). */
export const Duration = z.object({
  minutes: z.number(),
  qualifier: z.string().nullable(), // about, nearly, over …
  surface: z.string(),
})
export type Duration = z.infer<typeof Duration>

/** One document's account of an event, with its own details. */
export const Report = z.object({
  docId: z.string(),
  docTitle: z.string(),
  url: z.string().nullable(),
  outlet: z.string().nullable(),
  published: z.string().nullable(),
  extractionId: z.string(), // the id of the event in the document's extraction
  start: z.number().int().nonnegative(), // the first evidence span in the document's original text
  end: z.number().int().nonnegative(),
  sentence: z.string(), // the text of that span
  type: EventType,
  cameo: z.string(),
  date: z.string().nullable(), // ISO cut to precision; for an undated document a day resolved from the anchor
  /** True when the date was resolved here from the document's suggested publication date (see anchors). */
  dateInferred: z.boolean(),
  /** A bare day of the month (12日) in a document with no publication date, before anchoring. */
  dayOfMonth: z.number().int().min(1).max(31).nullable(),
  duration: Duration.nullable(),
  place: z.string().nullable(),
  source: RecordActor.nullable(),
  target: RecordActor.nullable(),
  participants: z.array(RecordActor),
  modality: Modality,
  /** The document this one reprints, when it is a near-duplicate of an earlier one. */
  reprintOf: z.string().nullable(),
})
export type Report = z.infer<typeof Report>

export const Divergence = z.object({
  field: z.enum(['duration', 'place', 'participants', 'date']),
  /** Each distinct account with the documents that give it. */
  accounts: z.array(z.object({ value: z.string(), docIds: z.array(z.string()) })).min(2),
})
export type Divergence = z.infer<typeof Divergence>

export const MergedEvent = z.object({
  id: z.string(), // hash of (family, date, sorted dyad actor ids)
  type: EventType,
  family: z.string(),
  cameo: z.string(),
  cameoLabel: z.string(),
  plover: z.string().nullable(),
  quadClass: z.number().int().min(1).max(4),
  goldstein: z.number().nullable(),
  date: z.string().nullable(),
  datePrecision: z.enum(['day', 'month', 'year', 'none']),
  place: z.string().nullable(),
  source: RecordActor.nullable(),
  target: RecordActor.nullable(),
  participants: z.array(RecordActor),
  /** reported when some source says it happened; planned when every source has it ahead. */
  modality: Modality,
  /** Independent accounts: reprints of one story count once. */
  sources: z.number().int().nonnegative(),
  reports: z.array(Report).min(1),
  divergences: z.array(Divergence),
  duration: Duration.nullable(),
  summary: z.object({ en: z.string(), zh: z.string() }),
})
export type MergedEvent = z.infer<typeof MergedEvent>

/** Near-duplicate documents: the first is the original (earliest published), the others its reprints. */
export const ReprintGroup = z.object({
  docIds: z.array(z.string()).min(2),
  similarity: z.number(), // the lowest estimated Jaccard similarity between the original and a reprint
})
export type ReprintGroup = z.infer<typeof ReprintGroup>

/** A suggested publication range for a document that states none, from the dated events it shares. */
export const Anchor = z.object({
  docId: z.string(),
  start: z.string(), // ISO day
  end: z.string().nullable(), // ISO day; null when nothing bounds it from above
  source: z.literal('inferred'),
  evidence: z.array(z.object({ eventId: z.string(), date: z.string(), sentence: z.string(), how: z.string() })).min(1),
})
export type Anchor = z.infer<typeof Anchor>


/** One source's figure for a quantity: 约18% of Ukraine's territory, in an article of 2024-01-25. */
export const ClaimAccount = z.object({
  value: z.number(), // in the canonical unit
  qualifier: z.string().nullable(),
  surface: z.string(),
  docId: z.string(),
  date: z.string().nullable(), // the document's publication date, or the start of its suggested range (inferred)
  dateInferred: z.boolean(),
  sentence: z.string(),
  reprintOf: z.string().nullable(),
})
export type ClaimAccount = z.infer<typeof ClaimAccount>

/** Figures several documents give for one quantity, oldest first; `differs` when they are not all the same value. */
export const Claim = z.object({
  quantity: z.string(), // what the numbers measure, as the text names it (乌克兰领土)
  unit: z.string(),
  accounts: z.array(ClaimAccount).min(2),
  differs: z.boolean(),
})
export type Claim = z.infer<typeof Claim>

/** An actor's position on an issue at a date, from a quote or a statement, with the words it rests on. */
export const Stance = z.object({
  actorId: z.string().nullable(),
  actor: z.string(),
  country: z.string().nullable(), // the actor's country, for a matrix by country
  issue: z.string(), // an id of lexicon/issues.tsv
  position: z.enum(['supports', 'opposes', 'conditional']),
  condition: z.string().nullable(),
  cue: z.string(),
  date: z.string().nullable(),
  docId: z.string(),
  evidence: z.string(),
})
export type Stance = z.infer<typeof Stance>

export const ResolvedRecord = z.object({
  events: z.array(MergedEvent),
  reprints: z.array(ReprintGroup),
  anchors: z.array(Anchor),
  claims: z.array(Claim),
  stances: z.array(Stance),
})
export type ResolvedRecord = z.infer<typeof ResolvedRecord>
