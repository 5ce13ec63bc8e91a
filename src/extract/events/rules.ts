// The event coder's rules as named units. Every decision the coder takes beyond "a trigger word stands here"
// is one of these: a filter that keeps a trigger from being coded, a way of finding actors or a date, a
// modality or type adjustment, a merge. Each can be switched off by its id (extract's `disabled` option,
// `npm run eval:dev -- --without ID` and `--ablate`), so that docs/evaluation.md can show what each one
// is worth on the development set. Cue words live in lexicon/event-cues.tsv and event-context.tsv.

export type RuleFamily = 'filter' | 'actors' | 'date' | 'modality' | 'type' | 'merge' | 'event'

export interface EventRule {
  id: string
  family: RuleFamily
  /** What it does, with the kind of phrase it handles. */
  does: string
}

export const EVENT_RULES: readonly EventRule[] = [
  // Trigger filters (triggers.ts): a trigger they reject is not coded.
  { id: 'filter.inside-name', family: 'filter', does: 'a trigger inside a name is none (威胁 in a place name)' },
  { id: 'filter.inside-word', family: 'filter', does: 'a trigger that lines up with no word edge is inside other words (被占领土)' },
  { id: 'filter.quoted-label', family: 'filter', does: 'nothing inside a quoted label is an event (“北约威胁”论)' },
  { id: 'filter.attributive', family: 'filter', does: 'a trigger before 的 describes a noun (会谈的结果)' },
  { id: 'filter.noun-head', family: 'filter', does: 'an event noun before a noun head is part of a noun phrase (会谈结果, 谈判筹码)' },
  { id: 'filter.relative-clause', family: 'filter', does: 'a trigger in a relative clause without its own subject is background (刚结束会谈的代表)' },
  { id: 'filter.reference-start', family: 'filter', does: 'a clause opening with 这是… refers back to an event already reported' },
  { id: 'filter.refers-before', family: 'filter', does: '此次会谈, 上述通话: names an event already reported' },
  { id: 'filter.time-frame', family: 'filter', does: '在通话中, 会谈后 with no subject of its own: frames a time, refers to an event' },
  { id: 'event.framed-with-subject', family: 'event', does: 'X与Y通话后，…: a call, talks or a visit framing a time, with a subject of its own, is reported too' },
  { id: 'filter.needs-cue', family: 'filter', does: 'a noun trigger needs one of its cue words in the clause (援助 needs 提供/恢复…)' },
  { id: 'filter.one-per-clause', family: 'filter', does: 'the first trigger of a clause governs the later ones (同意举行会谈 is an agreement)' },
  { id: 'filter.purpose', family: 'modality', does: '以讨论…: a purpose, not an event (hypothetical)' },
  { id: 'filter.meeting-in-visit', family: 'filter', does: '前往X，与Y会谈: talks a visit is for are not an event of their own' },
  { id: 'filter.visit-needs-visitor', family: 'filter', does: 'a visit needs a visitor: a person or a side named with its delegation' },
  { id: 'filter.no-actors', family: 'filter', does: 'an event naming nobody and continuing no earlier event is dropped' },
  { id: 'filter.one-sided', family: 'filter', does: 'an interaction with only one side found (a person and their own country are one side) is listed apart' },
  // Actors (parts.ts and here).
  { id: 'parts.visit-abbreviation', family: 'actors', does: '访华, 访美: the country a visit word abbreviates is where the visit goes' },
  { id: 'actors.carry-subject', family: 'actors', does: 'a clause naming nobody before its trigger takes the subject of an earlier clause (not across 表示，)' },
  { id: 'actors.continuation', family: 'actors', does: 'clauses continuing the action with a partner (，与X…, ，并…) add their actors' },
  { id: 'actors.medium-not-actor', family: 'actors', does: 'a medium passing on words (据路透社报道, 塔斯社报道) is a source, not an actor' },
  { id: 'actors.place-not-actor', family: 'actors', does: 'a building or country after 在/前往 is the place, not an actor' },
  { id: 'actors.quote-speaker', family: 'actors', does: 'words inside a quotation naming nobody are its speaker’s act' },
  { id: 'actors.pronoun', family: 'actors', does: '他/她 as subject continues the first person of the sentence before' },
  { id: 'actors.both-sides', family: 'actors', does: '双方/两国 as subject of an agreement are the parties of the talks just reported' },
  { id: 'actors.referred-event', family: 'actors', does: 'an event naming nobody takes the parties of the call or talks it refers to or continues' },
  { id: 'actors.follow-up', family: 'actors', does: 'what is agreed or proposed in talks of the same sentence involves their parties' },
  // Dates (dates.ts).
  { id: 'date.other-clause', family: 'date', does: 'a time in a later clause that reports an event of its own dates that event, not an earlier one' },
  { id: 'date.dateline-day', family: 'date', does: '（法新社曼谷12日电）: the dateline’s day is the story’s today, not the day a paper printed it' },
  { id: 'date.report-day', family: 'date', does: '外媒12日报道，…: the day of a report is not the day of what it reports' },
  { id: 'date.caption', family: 'date', does: 'a caption date in brackets right after the sentence' },
  { id: 'date.referred-event', family: 'date', does: '在通话中…: the date of the event referred to' },
  { id: 'date.same-day-after', family: 'date', does: '随即 (the same day), 随后 (the same month) after a dated event' },
  { id: 'date.paragraph', family: 'date', does: 'a reported event without a date of its own takes the last day the paragraph gave' },
  { id: 'date.publication', family: 'date', does: 'a reported event in a full sentence, with no other date, takes the publication date' },
  // Modality and type.
  { id: 'modality.scope-carry', family: 'modality', does: '曾暗示…，并承诺…: a tense or mood cue scopes over the clauses its subject carries into' },
  { id: 'modality.old-is-historical', family: 'modality', does: 'a reported event dated more than a year before publication is historical' },
  { id: 'type.truce-both-sides', family: 'type', does: '两国同意从当晚起停火: a truce both sides agree to is a ceasefire; one side’s 同意停火 stays an agreement' },
  { id: 'type.aid-cessation', family: 'type', does: '暂停军援: aid cut off is CAMEO 162, not 07x' },
  // Reported speech and merging.
  { id: 'event.conditional-threat', family: 'event', does: '如果X违反停火，我们将作出回应 / …否则将面对后果: a condition with a hostile consequence is a threat' },
  { id: 'event.reported-speech', family: 'event', does: 'X表示，…: a statement event of its named speaker' },
  { id: 'merge.same-event', family: 'merge', does: 'several reports of one event in one article are one event' },
]

const IDS = new Set(EVENT_RULES.map((r) => r.id))

/** Which rules are on: all, less the ones switched off. */
export class Rules {
  private readonly off: ReadonlySet<string>
  constructor(disabled: Iterable<string> = []) {
    const off = new Set(disabled)
    for (const id of off) if (!IDS.has(id)) throw new Error(`events: no rule ${id} (see src/extract/events/rules.ts)`)
    this.off = off
  }
  on(id: string): boolean {
    return !this.off.has(id)
  }
}

export const ALL_RULES = new Rules()
