// Organisations and statements that speak: a ministry written without its country (外交部表示, 外交部发言人说) is
// the foreign or defence ministry of the country its sentence names (中方, 俄罗斯) — the organisation holding
// the office <country>.foreign-ministry in actor-roles.tsv; a joint statement (美乌联合声明) is a speaker named
// by the parties written before it; an organisation the lexicon lacks (…家属论坛, …委员会) keeps its surface,
// flagged unresolved.
import type { Mention } from '../../core/index.js'
import { clauseStart, mention, overlaps, sentenceAt, type DocContext } from './context.js'
import { mentionData } from './data.js'
import { nameMatchForm } from './lexicon.js'
import { countryOf, sentenceCountries } from './places.js'
import type { Token } from './scan.js'

/** A ministry without its country, and the office (in actor-roles.tsv) its organisation holds. */
const BODY_WORDS: [string, string][] = [
  ['外交部发言人', 'foreign-ministry'],
  ['外交部', 'foreign-ministry'],
  ['国防部发言人', 'defence-ministry'],
  ['国防部', 'defence-ministry'],
]

/** The one country a sentence names (中方 counts: it is an alias of China), or null when none or several. */
function sentenceCountry(ctx: DocContext, tokens: Token[], at: number): string | null {
  const sent = ctx.doc.sentences[sentenceAt(ctx.doc, at)]
  if (!sent) return null
  const cs = sentenceCountries(ctx, tokens, sent.start, sent.end)
  return cs.size === 1 ? [...cs][0]! : null
}

function ministries(ctx: DocContext, tokens: Token[], taken: Mention[], out: Mention[]): void {
  for (const [word, office] of BODY_WORDS) {
    for (let i = ctx.view.indexOf(word); i >= 0; i = ctx.view.indexOf(word, i + 1)) {
      if (overlaps(taken, i, i + word.length) || overlaps(out, i, i + word.length)) continue
      // 外交部发言人毛宁: the person speaks, not the ministry.
      if (taken.some((m) => m.type === 'person' && m.start >= i + word.length && m.start < i + word.length + 4)) continue
      const country = sentenceCountry(ctx, tokens, i)
      const role = country ? ctx.lex.roleIn(`*.${office}`, country) : null
      const id = role ? (ctx.date ? ctx.lex.holders(role, ctx.date).map((a) => a.id) : ctx.lex.everHeld(role)) : []
      const body = id.length === 1 ? ctx.lex.actors.get(id[0]!) : undefined
      const span = { start: i, end: i + word.length }
      if (body) out.push(mention(ctx, { ...span, actor: body, how: 'lexicon', ruleId: 'mention.body.country-context', confidence: 0.75 }))
      else out.push(mention(ctx, { ...span, how: 'new', ruleId: 'mention.body.unresolved', confidence: 0.4, type: 'organization' }))
    }
  }
}

/** 美乌联合声明, 中美联合声明: a statement named by the countries and bodies written right before it in its clause. */
function statements(ctx: DocContext, found: Mention[], taken: Mention[], out: Mention[]): void {
  for (const word of mentionData().context.statement) {
    for (let i = ctx.view.indexOf(word); i >= 0; i = ctx.view.indexOf(word, i + 1)) {
      if (overlaps(taken, i, i + word.length)) continue
      const from = Math.max(clauseStart(ctx.view, i), i - 16)
      const parties = found.filter((m) => m.start >= from && m.end <= i && m.actorId && (m.type === 'country' || m.type === 'organization' || m.type === 'person'))
      const names = [...new Set(parties.map((m) => m.name))]
      const ids = [...new Set(parties.map((m) => m.actorId!))].sort()
      const span = { start: i, end: i + word.length }
      if (!names.length) {
        out.push(mention(ctx, { ...span, how: 'new', ruleId: 'mention.statement.unresolved', confidence: 0.4, type: 'organization' }))
        continue
      }
      const name = `Joint statement of ${names.join(' and ')}`
      out.push(mention(ctx, { ...span, how: 'new', ruleId: 'mention.statement.parties', confidence: 0.7, unresolved: false, newActor: { id: `statement:${ids.join('+')}`, name, type: 'organization', country: null, parties: names } }))
    }
  }
}

/** …家属论坛, …和平委员会: the words before an organisation suffix in its clause, jieba's nouns only, kept as written. */
function unknownOrganisations(ctx: DocContext, taken: { start: number; end: number }[], out: Mention[]): void {
  for (const suffix of mentionData().context['org-suffix']) {
    for (let i = ctx.view.indexOf(suffix); i >= 0; i = ctx.view.indexOf(suffix, i + 1)) {
      const end = i + suffix.length
      if (overlaps(taken, i, end) || overlaps(out, i, end) || !ctx.words.boundary(end)) continue
      let start = i
      while (start > 0 && i - start < 14) {
        const w = ctx.words.wordAt(start - 1)
        // 人质和失踪者家属论坛: a 和 between two nouns is part of the name.
        const joiner = w && /^(和|与|及)$/.test(ctx.view.slice(w.start, w.end)) && /^(n|vn)/.test(ctx.words.wordAt(w.start - 1)?.tag ?? '')
        if (!w || (!joiner && !/^(n|nt|nz|ns|nr|j|vn)/.test(w.tag)) || overlaps(taken, w.start, start)) break
        start = w.start
      }
      if (start === i) continue // a bare 委员会 names no one
      const surface = ctx.view.slice(start, end)
      out.push(mention(ctx, { start, end, how: 'new', ruleId: 'mention.new.organization', confidence: 0.5, newActor: { id: `new:${nameMatchForm(surface)}`, name: ctx.doc.text.slice(start, end), type: 'organization', country: null } }))
    }
  }
}

export function findBodies(ctx: DocContext, tokens: Token[], found: Mention[]): Mention[] {
  const out: Mention[] = []
  const taken = found.filter((m) => m.actorId || m.how !== 'coref')
  ministries(ctx, tokens, taken, out)
  statements(ctx, found, taken, out)
  unknownOrganisations(ctx, [...taken, ...out], out)
  return out
}
