// The types the extract stage produces. Every fact carries a span in the document's original text
// (index-aligned with the matching view), the rule that produced it, and a confidence.
import { z } from 'zod'

const offset = z.number().int().nonnegative()

/** Provenance shared by every extracted fact. */
export const Evidence = z.object({
  start: offset, // [start, end) in Document.text
  end: offset,
  ruleId: z.string(), // e.g. 'time.day-of-month', 'number.percent.fraction'
  confidence: z.number().min(0).max(1),
})
export type Evidence = z.infer<typeof Evidence>

export const ActorType = z.enum(['person', 'country', 'organization', 'place'])
export type ActorType = z.infer<typeof ActorType>

/**
 * A time expression resolved against the document's publication date.
 * `value` is ISO cut to `precision` (2025-02-12, 2025-02, 2025); for spans of days (上周, 本周, 未来几天)
 * `start`/`end` of `range` bound it and `value` is null unless a single date is meant.
 */
export const TimeExpr = Evidence.extend({
  surface: z.string(),
  kind: z.enum(['absolute', 'relative', 'weekday', 'day-of-month', 'range', 'modifier']),
  value: z.string().nullable(),
  precision: z.enum(['day', 'week', 'month', 'year', 'none']),
  range: z.object({ start: z.string(), end: z.string() }).nullable(),
  /** True when the expression needs a reference date that is unknown: its value is then null or partial. */
  unresolved: z.boolean(),
  /** Where the expression points relative to the reference date. */
  direction: z.enum(['past', 'present', 'future', 'unknown']),
})
export type TimeExpr = z.infer<typeof TimeExpr>

export const Unit = z.enum(['minute', 'hour', 'day', 'week', 'month', 'year', 'percent', 'USD', 'EUR', 'CNY', 'RUB', 'UAH', 'GBP', 'JPY', 'count', 'person', 'point', 'km', 'km2'])
export type Unit = z.infer<typeof Unit>

/** A number with its unit as the text states it, and what it measures where the sentence says. */
export const NumberFact = Evidence.extend({
  surface: z.string(),
  value: z.number(),
  unit: Unit,
  qualifier: z.enum(['about', 'over', 'nearly', 'under', 'at-least', 'at-most']).nullable(),
  /** The noun phrase the number measures, when the sentence makes it plain (乌克兰领土, 停火). */
  about: z.string().nullable(),
  /** For a count, the noun counted when it follows the measure word (120名战俘: 战俘; 2个工作组: 工作组). */
  counted: z.string().nullable().optional(),
  /** One end of a range (5至7天 gives 5 day as low and 7 day as high). */
  range: z.enum(['low', 'high']).optional(),
  /**
   * The same quantity in a canonical unit, so sources can be compared (一个半小时 = 90分钟 = 1.5小时;
   * 五分之一 = 20%): durations under a day in minutes, longer ones in days; shares in percent. Null when the
   * stated unit already is canonical.
   */
  normalized: z.object({ value: z.number(), unit: Unit }).nullable(),
})
export type NumberFact = z.infer<typeof NumberFact>

/** How a mention was tied to an actor, in order of trust. */
export const MentionHow = z.enum(['lexicon', 'bracket', 'title', 'phonetic', 'coref', 'new'])
export type MentionHow = z.infer<typeof MentionHow>

/** A name (or pronoun, under coreference) in the text, resolved to an actor where the text allows. */
export const Mention = Evidence.extend({
  surface: z.string(), // the original text of the span
  actorId: z.string().nullable(), // lexicon id; 'new:<key>' for an actor the lexicon does not know
  // canonical English name; for an actor the lexicon lacks, its Latin form where the text gives one (a bracket),
  // the pinyin of a Chinese person's name (inferred), else the Chinese surface as written (never a made-up spelling)
  name: z.string(),
  type: ActorType,
  country: z.string().nullable(), // canonical name of the actor's country (United States, Russia …)
  how: MentionHow,
  unresolved: z.boolean(), // true for new actors and for short forms no context confirmed
  sentence: z.number().int().nonnegative(), // index into Document.sentences
  /** CAMEO actor code on the document's date (RUSGOV, USA, IGOWSTNAT), where known. */
  cameo: z.string().nullable().optional(),
  wikidata: z.string().nullable().optional(),
  /** A romanisation of an unresolved transliterated name, for reading only: never the name. */
  guess: z.string().nullable().optional(),
  /** The name was made from the text, not the lexicon (a Chinese name's pinyin). */
  inferred: z.boolean().optional(),
  /** For a joint statement: the actors that issued it, by canonical name. */
  parties: z.array(z.string()).optional(),
})
export type Mention = z.infer<typeof Mention>


/** Who said something: a resolved actor, an anonymous or media source kept as such, or nobody found. */
export const Speaker = z.object({
  actorId: z.string().nullable(),
  name: z.string(), // canonical name; for anonymous sources "anonymous source" with the descriptor beside it
  type: ActorType.nullable(),
  country: z.string().nullable(),
  anonymous: z.boolean(),
  descriptor: z.string().nullable(), // the words that describe an unnamed source: 一名俄罗斯资深消息人士
  start: z.number().int().nonnegative(), // span of the speaker's words in the text
  end: z.number().int().nonnegative(),
})
export type Speaker = z.infer<typeof Speaker>

/** A direct quotation: the quoted words (without the marks), its speaker and the verb that introduced it. */
export const Quote = Evidence.extend({
  text: z.string(),
  speaker: Speaker.nullable(),
  verb: z.string().nullable(),
  sentence: z.number().int().nonnegative(),
})
export type Quote = z.infer<typeof Quote>



export const EventType = z.enum(['call', 'meeting', 'visit', 'proposal', 'agreement', 'statement', 'reject', 'demand', 'threat', 'aid', 'sanction', 'exchange_prisoners', 'ceasefire', 'military_action', 'other'])
export type EventType = z.infer<typeof EventType>

export const Modality = z.enum(['reported', 'planned', 'hypothetical', 'negated', 'historical'])
export type Modality = z.infer<typeof Modality>

export const EventActor = z.object({
  actorId: z.string().nullable(),
  name: z.string(),
  type: ActorType,
  country: z.string().nullable(),
  role: z.enum(['source', 'target', 'participant']),
  /** CAMEO actor code on the event's date, where known. */
  cameo: z.string().nullable().optional(),
  wikidata: z.string().nullable().optional(),
})
export type EventActor = z.infer<typeof EventActor>

const LEGACY_DATE_SOURCE: Record<string, string> = { text: 'sentence', inherited: 'carried', document: 'publication' }

/** One event, with every span of the article that reports it. */
export const Event = z.object({
  id: z.string(), // hash of (document id, first evidence span, type)
  type: EventType,
  cameo: z.object({ code: z.string(), label: z.string(), codebook: z.string() }),
  plover: z.string().nullable(),
  actors: z.array(EventActor),
  date: z.string().nullable(), // ISO cut to precision: 2025-02-12, 2025-02, 2025
  datePrecision: z.enum(['day', 'week', 'month', 'year', 'none']),
  /**
   * Where the date came from: clause, a time expression in the trigger's own clause; sentence, one elsewhere in
   * the sentence; carried, from the event the sentence refers back to or follows, a caption, or the paragraph;
   * publication, the publication date, for a report in the present with no other date; none.
   * (Extractions stored before 0.2 said text / inherited / document: read as sentence / carried / publication.)
   */
  dateSource: z.preprocess((v) => LEGACY_DATE_SOURCE[v as string] ?? v, z.enum(['clause', 'sentence', 'carried', 'publication', 'none'])),
  dateRange: z.object({ start: z.string(), end: z.string() }).nullable(),
  location: z.object({ actorId: z.string().nullable(), name: z.string() }).nullable(),
  modality: Modality,
  trigger: z.string(),
  evidence: z.array(Evidence.extend({ sentence: z.number().int().nonnegative() })).min(1),
  confidence: z.number().min(0).max(1),
  /**
   * Only one side of an interaction was found (甲国内阁举行会议; a proposal whose addressee the text leaves out):
   * kept, but listed apart from the events that name both sides.
   */
  oneSided: z.boolean().optional(),
})
export type Event = z.infer<typeof Event>

/** Everything the extract stage read from one document. */
export const Extraction = z.object({
  docId: z.string(),
  mentions: z.array(Mention),
  times: z.array(TimeExpr),
  numbers: z.array(NumberFact),
  quotes: z.array(Quote),
  events: z.array(Event),
})
export type Extraction = z.infer<typeof Extraction>
