import { test } from 'node:test'
import assert from 'node:assert/strict'
import { findEvents } from './index.js'
import { mergeEvents } from './merge.js'
import { eventLexicon } from './lexicon.js'
import { readTsv } from '../../lexicon/load.js'
import { splitSentences } from '../../normalize/sentences.js'
import { matchingView } from '../../normalize/matching.js'
import { findTimes } from '../time/index.js'
import type { Document, Event, Mention } from '../../core/index.js'

// Mentions are written by hand so these tests exercise the coder alone.
function m(text: string, surface: string, name: string, type: Mention['type'], country: string | null, from = 0): Mention {
  const start = text.indexOf(surface, from)
  assert.ok(start >= 0, surface)
  return { start, end: start + surface.length, surface, actorId: name, name, type, country, how: 'lexicon', unresolved: false, sentence: 0, ruleId: 't', confidence: 1 }
}
function doc(text: string, published: string | null): Document {
  return {
    id: 'd', origin: 'x', part: null, format: 'text', url: null, outlet: null, lang: 'zh', title: 't',
    published: published ? { at: published, precision: 'day', source: 'user', raw: published } : { at: null, precision: 'unknown', source: 'none', raw: null },
    script: 'simplified', text, sentences: splitSentences(text), references: [], encoding: 'utf-8',
  }
}
function input(text: string, published: string | null, mentions: Mention[]) {
  const d = doc(text, published)
  const view = matchingView(text).text
  return { doc: d, view, mentions, times: findTimes(view, { published: d.published }), quotes: [] }
}
function code(text: string, published: string | null, mentions: Mention[]): Event[] {
  return findEvents(input(text, published, mentions))
}
const brief = (e: Event): string => `${e.type} ${e.cameo.code} ${e.date} ${e.actors.map((a) => a.name).join('+')} @${e.location?.name ?? '-'} ${e.modality}`

// event-triggers.tsv (sorted by trigger, then needs) is checked row by row in triggers-lexicon.test.ts.
test('the CAMEO table and modality cues are sorted, unique and consistent', () => {
  for (const [file, key] of [['cameo.tsv', 'code'], ['modality-cues.tsv', 'cue']] as const) {
    const keys = readTsv(file).rows.map((r) => r[key]!)
    assert.deepEqual(keys, [...new Set(keys)].sort(), file)
  }
  assert.ok(eventLexicon().triggers.size > 50)
})

test('a phone call: both parties, the day of the month resolved, CAMEO 041', () => {
  const t = '甲国总统安德森13日与乙国总统博尔通电话，双方讨论了停火问题。'
  const ev = code(t, '2025-04-14', [m(t, '甲国', 'Aland', 'country', 'Aland'), m(t, '安德森', 'Ann Anderson', 'person', 'Aland'), m(t, '乙国', 'Bland', 'country', 'Bland'), m(t, '博尔', 'Bo Borg', 'person', 'Bland')])
  assert.deepEqual(ev.filter((e) => e.type === 'call').map(brief), ['call 041 2025-04-13 Aland+Ann Anderson+Bland+Bo Borg @- reported'])
  assert.equal(ev[0]!.plover, 'CONSULT')
})

test('a planned visit: the destination is the place, the weekday resolved forward', () => {
  const t = '外长博尔将于星期四前往日内瓦。'
  const ev = code(t, '2025-04-14', [m(t, '博尔', 'Bo Borg', 'person', 'Bland'), m(t, '日内瓦', 'Geneva', 'place', 'Switzerland')])
  assert.deepEqual(ev.map(brief), ['visit 042 2025-04-17 Bo Borg @Geneva planned'])
})

test('a noun trigger needs its verb: 援助 alone is no event, 恢复援助 is', () => {
  const t1 = '这笔援助的规模引发争论。'
  assert.deepEqual(code(t1, '2025-04-14', []).filter((e) => e.type === 'aid'), [])
  const t2 = '甲国12日恢复了对乙国的军事援助。'
  const ev = code(t2, '2025-04-14', [m(t2, '甲国', 'Aland', 'country', 'Aland'), m(t2, '乙国', 'Bland', 'country', 'Bland')])
  assert.deepEqual(ev.map(brief), ['aid 072 2025-04-12 Aland+Bland @- reported'])
  assert.deepEqual(ev[0]!.actors.map((a) => a.role), ['source', 'target'])
})

test('negated and historical events are marked so', () => {
  const t = '博尔并未会见安德森。博尔曾于2021年6月在日内瓦会晤安德森。'
  const mentions = [m(t, '博尔', 'Bo Borg', 'person', 'Bland'), m(t, '安德森', 'Ann Anderson', 'person', 'Aland'), m(t, '博尔', 'Bo Borg', 'person', 'Bland', 5), m(t, '日内瓦', 'Geneva', 'place', 'Switzerland'), m(t, '安德森', 'Ann Anderson', 'person', 'Aland', 12)]
  const ev = code(t, '2025-04-14', mentions)
  assert.deepEqual(ev.map((e) => [e.type, e.modality, e.date]), [['meeting', 'negated', null], ['meeting', 'historical', '2021-06']])
})

test('reported speech is a statement of its speaker', () => {
  const t = '安德森表示，谈判将继续。'
  const ev = code(t, '2025-04-14', [m(t, '安德森', 'Ann Anderson', 'person', 'Aland')])
  assert.deepEqual(ev.map((e) => [e.type, e.cameo.code, e.actors.map((a) => a.name)]), [['statement', '010', ['Ann Anderson']]])
})

test('a sentence that refers back to a call takes the date of that call', () => {
  const t = '安德森12日与博尔通话。安德森在通话中邀请博尔访问甲国。'
  const ev = code(t, '2025-04-14', [m(t, '安德森', 'Ann Anderson', 'person', 'Aland'), m(t, '博尔', 'Bo Borg', 'person', 'Bland'), m(t, '安德森', 'Ann Anderson', 'person', 'Aland', 12), m(t, '博尔', 'Bo Borg', 'person', 'Bland', 20), m(t, '甲国', 'Aland', 'country', 'Aland')])
  const proposal = ev.find((e) => e.type === 'proposal')!
  assert.deepEqual([proposal.date, proposal.dateSource], ['2025-04-12', 'carried'])
})

test('two reports of one meeting merge; two calls with different partners do not', () => {
  const base = { cameo: { code: '040', label: 'Consult', codebook: 'x' }, plover: 'CONSULT', datePrecision: 'day' as const, dateSource: 'clause' as const, dateRange: null, location: null, modality: 'reported' as const, trigger: 't', confidence: 0.8 }
  const a = (name: string, type: 'person' | 'country', country: string) => ({ actorId: name, name, type, country, role: 'participant' as const })
  const ev = (id: string, type: Event['type'], date: string | null, actors: Event['actors']): Event => ({ ...base, id, type, date, actors, evidence: [{ start: id.length, end: id.length + 1, sentence: 0, ruleId: 'r', confidence: 1 }] })
  const merged = mergeEvents([
    ev('1', 'meeting', '2025-02-18', [a('Aland', 'country', 'Aland'), a('Bland', 'country', 'Bland')]),
    ev('22', 'meeting', null, [a('Ann Anderson', 'person', 'Aland'), a('Bo Borg', 'person', 'Bland')]),
    ev('333', 'call', '2025-02-12', [a('Ann Anderson', 'person', 'Aland'), a('Bo Borg', 'person', 'Bland')]),
    ev('4444', 'call', '2025-02-12', [a('Ann Anderson', 'person', 'Aland'), a('Cy Cole', 'person', 'Cland')]),
  ])
  assert.equal(merged.length, 3)
  assert.equal(merged[0]!.evidence.length, 2)
  assert.equal(merged[0]!.date, '2025-02-18')
  assert.equal(merged[0]!.actors.length, 4)
})

test('words that describe or refer to an event do not report a new one', () => {
  const t = '双方讨论了会谈结果。此次会谈持续两小时。被占领土问题仍未解决。甲国提供的援助已经用完。'
  const mentions = [m(t, '甲国', 'Aland', 'country', 'Aland')]
  assert.deepEqual(code(t, '2025-04-14', mentions).filter((e) => e.type !== 'statement').map((e) => e.trigger), [])
})

test('the day of a report does not date what it reports; a planned event is not dated by the statement announcing it', () => {
  const t = '外媒12日报道，甲国和乙国官员已经通过电话。博尔星期日表示，他将参加会谈。'
  const he = t.indexOf('他')
  const coref: Mention = { ...m(t, '他', 'Bo Borg', 'person', 'Bland'), start: he, end: he + 1, how: 'coref' }
  const ev = code(t, '2025-04-15', [m(t, '甲国', 'Aland', 'country', 'Aland'), m(t, '乙国', 'Bland', 'country', 'Bland'), m(t, '博尔', 'Bo Borg', 'person', 'Bland'), coref])
  assert.deepEqual(ev.filter((e) => e.type !== 'statement').map((e) => [e.type, e.date]), [['call', null], ['meeting', null]])
})

test('a negation anywhere before the trigger outweighs a plan; 未来 is no negation', () => {
  const t = '博尔并无计划与安德森会谈。安德森未来几天将会见博尔。'
  const ev = code(t, '2025-04-14', [m(t, '博尔', 'Bo Borg', 'person', 'Bland'), m(t, '安德森', 'Ann Anderson', 'person', 'Aland'), m(t, '安德森', 'Ann Anderson', 'person', 'Aland', 10), m(t, '博尔', 'Bo Borg', 'person', 'Bland', 10)])
  assert.deepEqual(ev.map((e) => e.modality), ['negated', 'planned'])
})

test('a demonstrative a few words before a trigger names a known event; 以 marks a purpose', () => {
  const t = '针对这场甲乙两国高层会谈，博尔12日召开会议。安德森13日与博尔会面以讨论停火。'
  const mentions = [m(t, '博尔', 'Bo Borg', 'person', 'Bland'), m(t, '安德森', 'Ann Anderson', 'person', 'Aland'), m(t, '博尔', 'Bo Borg', 'person', 'Bland', 22)]
  const ev = code(t, '2025-04-14', mentions)
  assert.deepEqual(ev.map((e) => [e.trigger, e.modality, e.date]), [['召开会议', 'reported', '2025-04-12'], ['会面', 'reported', '2025-04-13']])
})

test('讨论 is a consultation only with a partner named before it', () => {
  const t1 = '安德森与博尔讨论了停火。'
  const t2 = '安德森说，他们讨论了与停火有关的各种话题。'
  const a = code(t1, '2025-04-14', [m(t1, '安德森', 'Ann Anderson', 'person', 'Aland'), m(t1, '博尔', 'Bo Borg', 'person', 'Bland')])
  const b = code(t2, '2025-04-14', [m(t2, '安德森', 'Ann Anderson', 'person', 'Aland')])
  assert.deepEqual(a.map((e) => e.type), ['meeting'])
  assert.deepEqual(b.filter((e) => e.type === 'meeting'), [])
})

test('a modal glued to a preposition by the word splitter still counts (应向)', () => {
  const t = '安德森表示，美方应向乙国提供更多援助。'
  const ev = code(t, '2025-04-14', [m(t, '安德森', 'Ann Anderson', 'person', 'Aland'), m(t, '美方', 'United States', 'country', 'United States'), m(t, '乙国', 'Bland', 'country', 'Bland')])
  assert.deepEqual(ev.filter((e) => e.type === 'aid').map((e) => e.modality), ['hypothetical'])
})

test('an event noun followed by a modal or copula describes an event, it does not report one', () => {
  const t = '安德森表示，会谈将是双边的。两国领导人直接通话或给局势降温。安德森与博尔的会谈将于14日举行。'
  const ev = code(t, '2025-04-10', [m(t, '安德森', 'Ann Anderson', 'person', 'Aland'), m(t, '安德森', 'Ann Anderson', 'person', 'Aland', 20), m(t, '博尔', 'Bo Borg', 'person', 'Bland')])
  assert.deepEqual(ev.filter((e) => e.type !== 'statement').map((e) => [e.trigger, e.date]), [['会谈', '2025-04-14']])
})

test('a tense cue scopes over the clause its subject carries into (曾…，并…)', () => {
  const t = '安德森曾暗示要退出条约，并承诺迅速结束冲突。'
  const ev = code(t, '2025-04-10', [m(t, '安德森', 'Ann Anderson', 'person', 'Aland')])
  assert.deepEqual(ev.filter((e) => e.type === 'agreement').map((e) => e.modality), ['historical'])
})

test('proposals of one side are not merged because a country covers a person', () => {
  const base = { cameo: { code: '030', label: 'x', codebook: 'x' }, plover: 'AGREE', datePrecision: 'day' as const, dateSource: 'clause' as const, dateRange: null, location: null, modality: 'reported' as const, trigger: 't', confidence: 0.8, date: '2025-02-18' }
  const a = (name: string, type: 'person' | 'country', country: string) => ({ actorId: name, name, type, country, role: 'source' as const })
  const ev = (id: string, type: Event['type'], actors: Event['actors']): Event => ({ ...base, id, type, actors, evidence: [{ start: id.length, end: id.length + 1, sentence: id.length, ruleId: 'r', confidence: 1 }] })
  assert.equal(mergeEvents([ev('1', 'proposal', [a('Aland', 'country', 'Aland'), a('Bland', 'country', 'Bland')]), ev('22', 'proposal', [a('Ann Anderson', 'person', 'Aland')])]).length, 2)
  assert.equal(mergeEvents([ev('1', 'agreement', [a('Aland', 'country', 'Aland'), a('Bland', 'country', 'Bland')]), ev('22', 'agreement', [a('Ann Anderson', 'person', 'Aland')])]).length, 1)
})

test('a trigger inside a relative clause is background; a trigger with its own subject is not', () => {
  const t1 = '他身旁是结束日内瓦会谈准备回国的外长博尔。'
  const t2 = '安德森拒绝签署博尔提出的文件。'
  const a = code(t1, '2025-04-14', [m(t1, '日内瓦', 'Geneva', 'place', 'Switzerland'), m(t1, '博尔', 'Bo Borg', 'person', 'Bland')])
  const b = code(t2, '2025-04-14', [m(t2, '安德森', 'Ann Anderson', 'person', 'Aland'), m(t2, '博尔', 'Bo Borg', 'person', 'Bland')])
  assert.deepEqual(a.filter((e) => e.type === 'meeting'), [])
  assert.deepEqual(b.map((e) => e.type), ['reject'])
})

test('a visit needs a visitor: things that arrive are no visit, a delegation is', () => {
  const t = '首批物资将抵达甲国。乙国代表团12日抵达甲国。'
  const ev = code(t, '2025-04-14', [m(t, '甲国', 'Aland', 'country', 'Aland'), m(t, '乙国', 'Bland', 'country', 'Bland'), m(t, '甲国', 'Aland', 'country', 'Aland', 12)])
  assert.deepEqual(ev.map((e) => [e.type, e.date, e.actors.map((a) => a.name).join('+')]), [['visit', '2025-04-12', 'Bland+Aland']])
})

test('a time that bounds a period does not date an event; talks framing a time are no new talks', () => {
  const t = '安德森12日与博尔通话。这是安德森1月重返政府以来，双方首次通话。发言人说，通话持续了近一个半小时。博尔则在多边会谈上表示支持。'
  const mentions = [m(t, '安德森', 'Ann Anderson', 'person', 'Aland'), m(t, '博尔', 'Bo Borg', 'person', 'Bland')]
  const ev = code(t, '2025-02-13', mentions).filter((e) => e.type !== 'statement')
  assert.deepEqual(ev.map((e) => [e.type, e.date, e.evidence.length]), [['call', '2025-02-12', 2]])
})

test('habitual acts (多次, 一再) are historical background; talks between the sides of a call are that call', () => {
  const t = '安德森12日与博尔通话。甲国和乙国正在恢复接触。博尔已多次拒绝停火。'
  const ev = code(t, '2025-02-13', [
    m(t, '安德森', 'Ann Anderson', 'person', 'Aland'), m(t, '博尔', 'Bo Borg', 'person', 'Bland'),
    m(t, '甲国', 'Aland', 'country', 'Aland'), m(t, '乙国', 'Bland', 'country', 'Bland'), m(t, '博尔', 'Bo Borg', 'person', 'Bland', 20),
  ])
  assert.deepEqual(ev.map((e) => [e.type, e.modality, e.date, e.evidence.length]), [['call', 'reported', '2025-02-12', 2], ['reject', 'historical', null, 1]])
})

test('a truce both sides agree to is a ceasefire; one side agreeing to a truce accepts an offer', () => {
  const t = '甲国和乙国15日同意从当晚起停火。'
  const both = code(t, '2025-04-16', [m(t, '甲国', 'Aland', 'country', 'Aland'), m(t, '乙国', 'Bland', 'country', 'Bland')])
  assert.deepEqual(both.map(brief), ['ceasefire 0871 2025-04-15 Aland+Bland @- reported'])
  const u = '甲国15日同意停火30天，乙国表示欢迎。'
  const one = code(u, '2025-04-16', [m(u, '甲国', 'Aland', 'country', 'Aland'), m(u, '乙国', 'Bland', 'country', 'Bland')])
  assert.ok(one.some((e) => e.type === 'agreement') && !one.some((e) => e.type === 'ceasefire'), one.map(brief).join('; '))
  const off = findEvents({ ...input(t, '2025-04-16', [m(t, '甲国', 'Aland', 'country', 'Aland'), m(t, '乙国', 'Bland', 'country', 'Bland')]), disabled: ['type.truce-both-sides'] })
  assert.deepEqual(off.map((e) => e.type), ['agreement'])
})

test('a call framing a time with a subject of its own is reported; one without a subject refers back', () => {
  const t = '甲国总统安德森15日与乙国总统博尔通电话后表示，两国将加强合作。'
  const ms = [m(t, '甲国', 'Aland', 'country', 'Aland'), m(t, '安德森', 'Ann Anderson', 'person', 'Aland'), m(t, '乙国', 'Bland', 'country', 'Bland'), m(t, '博尔', 'Bo Borg', 'person', 'Bland')]
  assert.deepEqual(code(t, '2025-04-16', ms).filter((e) => e.type === 'call').map(brief), ['call 041 2025-04-15 Aland+Ann Anderson+Bland+Bo Borg @- reported'])
  assert.deepEqual(findEvents({ ...input(t, '2025-04-16', ms), disabled: ['event.framed-with-subject'] }).filter((e) => e.type === 'call'), [])
  const u = '通话后，外长表示满意。'
  assert.deepEqual(code(u, '2025-04-16', []).filter((e) => e.type === 'call'), [])
})

test('a condition with a hostile consequence is a threat by its speaker against the side the condition names', () => {
  const t = '安德森强调，如果乙国违反停火，甲国军队将作出回应。'
  const ms = [m(t, '安德森', 'Ann Anderson', 'person', 'Aland'), m(t, '乙国', 'Bland', 'country', 'Bland'), m(t, '甲国军队', 'Aland Army', 'organization', 'Aland')]
  const threat = code(t, '2025-04-16', ms).filter((e) => e.type === 'threat')
  assert.equal(threat.length, 1)
  assert.equal(threat[0]!.modality, 'reported')
  assert.deepEqual(threat[0]!.actors.map((a) => `${a.name}:${a.role}`).sort(), ['Aland Army:source', 'Ann Anderson:source', 'Bland:target'].sort())
  // Inside one quotation the condition and the consequence share a clause.
  const u = '外交部表示：“若乙国反击，甲国必将强硬回应。”'
  assert.equal(code(u, '2025-04-16', [m(u, '乙国', 'Bland', 'country', 'Bland'), m(u, '甲国', 'Aland', 'country', 'Aland')]).filter((e) => e.type === 'threat').length, 1)
  // A friendly consequence is no threat.
  const v = '安德森表示，如果乙国同意，甲国将访问乙国。'
  assert.equal(code(v, '2025-04-16', [m(v, '安德森', 'Ann Anderson', 'person', 'Aland'), m(v, '乙国', 'Bland', 'country', 'Bland')]).filter((e) => e.type === 'threat').length, 0)
  assert.equal(findEvents({ ...input(t, '2025-04-16', ms), disabled: ['event.conditional-threat'] }).filter((e) => e.type === 'threat').length, 0)
})
