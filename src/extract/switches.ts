// Rules of the mention and quote stages that can be switched off one at a time, so that an ablation on the
// development set (scripts/ablate-actors.ts) measures what each earns. Every id here is on unless listed in `off`.
export const ACTOR_RULES = [
  'quote.carry-paragraph', // a speaker carries into the next paragraph (quote-led paragraph, 他说 after a break)
  'quote.heading', // a line that is only a name heads the quotes below it
  'quote.shared-subject', // a subjectless reporting clause shares the subject of the verb before it
  'quote.subject-first', // the first of a named subject and a coreferent role noun speaks
  'quote.adjacent-object', // a name right before the mark after a subject is the object
  'quote.verbless-run', // a quote in a sentence with no reporting verb continues the paragraph's speaker
  'mention.given-name', // a given name before a known surname joins it
  'mention.bracket-wide', // a bracketed Latin name may link characters outside the transliteration table
  'mention.honorific', // titles of honour between a title and a name
  'mention.short-country', // a short form of one person resolves when the sentence names the person's country
  'mention.time-word', // time words end a name and are no Chinese name
] as const
export type ActorRule = (typeof ACTOR_RULES)[number]

export const off = new Set<ActorRule>()
export const on = (rule: ActorRule): boolean => !off.has(rule)
