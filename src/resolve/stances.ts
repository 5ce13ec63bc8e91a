// Stances: actor x issue x date x position, from what actors are quoted saying and the statements coded for
// them. An issue is named by a cue word (lexicon/issues.tsv); the position by a cue in the same clause
// (lexicon/stance-cues.tsv): "乌克兰要成为北约成员国是不切实际的目标" opposes NATO membership; "前提是基辅与其盟友
// 先就结束战争达成共同立场" makes a position conditional, the condition kept. Clauses without a position cue
// give no stance: a topic named is not a position taken.
import type { Document } from '../core/document.js'
import type { Extraction } from '../core/extraction.js'
import type { Stance } from '../core/record.js'
import { matchingView } from '../normalize/matching.js'
import type { ResolveLexicon } from './lexicon.js'

const CLAUSE = /[，,；;。！？!?\n]/
const NEGATION = /(不|未|没有|无)$/
const VERBAL = new Set(['statement', 'proposal', 'reject', 'demand'])

export interface StanceSource {
  doc: Document
  ex: Extraction
  date: string | null
}

interface Said {
  actorId: string | null
  actor: string
  country: string | null
  start: number
  end: number
  date: string | null
}

/** The clause of [start, end) around `at` in the view. */
function clauseAround(view: string, at: number, start: number, end: number): [number, number] {
  let s = at
  while (s > start && !CLAUSE.test(view[s - 1]!)) s--
  let e = at
  while (e < end && !CLAUSE.test(view[e]!)) e++
  return [s, e]
}

function position(view: string, s: number, e: number, lex: ResolveLexicon): { position: Stance['position']; cue: string; condition: string | null } | null {
  const clause = view.slice(s, e)
  // Longest cue first, so 不同意 is read before 同意.
  const cues = [...lex.stanceCues].sort((a, b) => b.cue.length - a.cue.length)
  for (const c of cues) {
    const at = clause.indexOf(c.cue)
    if (at < 0) continue
    const negated = c.position === 'supports' && NEGATION.test(clause.slice(0, at))
    if (c.position === 'conditional') return { position: 'conditional', cue: c.cue, condition: clause.slice(at + c.cue.length).trim() || null }
    return { position: negated ? 'opposes' : c.position, cue: negated ? clause.slice(at - 1, at) + c.cue : c.cue, condition: null }
  }
  return null
}

/** A conditional cue anywhere in [start, end): the cue and the rest of its clause. */
function conditionIn(view: string, start: number, end: number, lex: ResolveLexicon): { cue: string; condition: string | null } | null {
  const text = view.slice(start, end)
  for (const c of lex.stanceCues) {
    if (c.position !== 'conditional') continue
    const at = text.indexOf(c.cue)
    if (at < 0) continue
    const [, e] = clauseAround(view, start + at, start, end)
    return { cue: c.cue, condition: view.slice(start + at + c.cue.length, e).trim() || null }
  }
  return null
}

function stancesIn(src: StanceSource, view: string, said: Said, lex: ResolveLexicon): Stance[] {
  const out: Stance[] = []
  const seen = new Set<string>()
  for (const issue of lex.issues) {
    let from = said.start
    for (;;) {
      const at = view.indexOf(issue.cue, from)
      if (at < 0 || at >= said.end) break
      from = at + issue.cue.length
      const [s, e] = clauseAround(view, at, said.start, said.end)
      // A condition often stands in the next clause: "他准备与普京会面，前提是……".
      let p = position(view, s, e, lex) ?? (e < said.end ? position(view, e + 1, clauseAround(view, e + 1, e + 1, said.end)[1], lex) : null)
      // "只要美方尊重俄方的安全关切，俄方愿意继续谈判": a condition in another clause of the sentence binds it.
      if (p && p.position === 'supports') {
        const cond = conditionIn(view, said.start, said.end, lex)
        if (cond) p = { position: 'conditional', cue: cond.cue, condition: cond.condition }
      }
      if (!p || seen.has(issue.issue)) continue
      seen.add(issue.issue)
      out.push({ actorId: said.actorId, actor: said.actor, country: said.country, issue: issue.issue, ...p, date: said.date, docId: src.doc.id, evidence: src.doc.text.slice(said.start, said.end) })
    }
  }
  return out
}

export function stances(sources: StanceSource[], lex: ResolveLexicon): Stance[] {
  const out: Stance[] = []
  for (const src of sources) {
    const view = matchingView(src.doc.text).text
    const said: Said[] = []
    for (const q of src.ex.quotes) {
      if (!q.speaker || q.speaker.anonymous) continue
      said.push({ actorId: q.speaker.actorId, actor: q.speaker.name, country: q.speaker.country, start: q.start, end: q.end, date: src.date })
    }
    for (const ev of src.ex.events) {
      // Verbal acts state positions too: 俄方愿意继续谈判 is coded as an intent to negotiate.
      if (!VERBAL.has(ev.type) || ev.modality !== 'reported') continue
      const speaker = ev.actors.find((a) => a.type === 'person') ?? ev.actors[0]
      if (!speaker) continue
      const first = ev.evidence[0]!
      said.push({ actorId: speaker.actorId, actor: speaker.name, country: speaker.country, start: first.start, end: first.end, date: ev.datePrecision === 'day' ? ev.date : src.date })
    }
    const keys = new Set<string>()
    for (const s of said) {
      for (const st of stancesIn(src, view, s, lex)) {
        const k = `${st.actorId ?? st.actor}|${st.issue}|${st.position}|${st.date}`
        if (keys.has(k)) continue
        keys.add(k)
        out.push(st)
      }
    }
  }
  return out.sort((a, b) => a.issue.localeCompare(b.issue) || a.actor.localeCompare(b.actor) || (a.date ?? '9').localeCompare(b.date ?? '9'))
}
