// Aliases a document teaches: `柯辛尼亚克-卡米兹(Wladyslaw Kosiniak-Kamysz)` makes 柯辛尼亚克-卡米兹 a name of that
// actor for the rest of the document, and, merged across documents, for a whole document set.
import type { ActorType, Mention } from '../../core/index.js'

export interface LearnedAlias {
  /** The matching form of the Chinese name (simplified, name dots folded). */
  match: string
  actorId: string
  name: string
  type: ActorType
  /** Canonical name of the actor's country. */
  country: string | null
  /** 'full' for the name as bracketed, 'surname' for its last part (卢比奥 of 马尔科·卢比奥). */
  part: 'full' | 'surname'
  /** Where it was learned: offset of the bracketed name in its document (for the document's own use). */
  from: number
}

export interface MergedAlias extends LearnedAlias {
  /** How many documents taught it. */
  documents: number
}

/**
 * Merges the aliases learned from several documents into one list a later findMentions can use
 * (`findMentions(doc, { learned })`). A form two documents tie to different actors is left out: a wrong link is
 * worse than none. Surnames need two documents that agree, full names one.
 */
export function mergeLearnedAliases(perDocument: LearnedAlias[][]): MergedAlias[] {
  const byMatch = new Map<string, { alias: LearnedAlias; actors: Set<string>; docs: number }>()
  for (const list of perDocument) {
    const seen = new Set<string>()
    for (const a of list) {
      const key = a.match
      const entry = byMatch.get(key) ?? { alias: a, actors: new Set<string>(), docs: 0 }
      entry.actors.add(a.actorId)
      if (!seen.has(key)) entry.docs++
      seen.add(key)
      if (a.part === 'full') entry.alias = { ...entry.alias, part: 'full' }
      byMatch.set(key, entry)
    }
  }
  const out: MergedAlias[] = []
  for (const { alias, actors, docs } of byMatch.values()) {
    if (actors.size !== 1) continue
    if (alias.part === 'surname' && docs < 2) continue
    out.push({ ...alias, from: 0, documents: docs })
  }
  return out.sort((a, b) => (a.match < b.match ? -1 : a.match > b.match ? 1 : 0))
}

/** The aliases a list of mentions from one document teaches: its bracket links, full names and their last parts. */
export function learnedFrom(mentions: Mention[], view: string): LearnedAlias[] {
  const out: LearnedAlias[] = []
  for (const m of mentions) {
    if (m.how !== 'bracket' || !m.actorId) continue
    const match = view.slice(m.start, m.end)
    const base = { actorId: m.actorId, name: m.name, type: m.type, country: m.country, from: m.start }
    out.push({ ...base, match, part: 'full' })
    const parts = match.split('·')
    const last = parts[parts.length - 1]!
    if (parts.length > 1 && [...last].length >= 2) out.push({ ...base, match: last, part: 'surname' })
  }
  return out
}
