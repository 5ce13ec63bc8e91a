import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findEvents } from './index.js'
import { EVENT_RULES, Rules } from './rules.js'
import { CUE_FAMILIES } from './cues.js'
import { readTsv } from '../../lexicon/load.js'
import { splitSentences } from '../../normalize/sentences.js'
import { matchingView } from '../../normalize/matching.js'
import { findTimes } from '../time/index.js'
import type { Document, Event, Mention } from '../../core/index.js'

// Mentions by hand, as in events.test.ts, so that these sentences exercise the coder alone.
function m(text: string, surface: string, name: string, type: Mention['type'], country: string | null, from = 0): Mention {
  const start = text.indexOf(surface, from)
  assert.ok(start >= 0, surface)
  return { start, end: start + surface.length, surface, actorId: name, name, type, country, how: 'lexicon', unresolved: false, sentence: 0, ruleId: 't', confidence: 1 }
}
function code(text: string, published: string | null, mentions: Mention[], disabled: string[] = []): Event[] {
  const d: Document = {
    id: 'd', origin: 'x', part: null, format: 'text', url: null, outlet: null, lang: 'zh', title: 't',
    published: published ? { at: published, precision: 'day', source: 'user', raw: published } : { at: null, precision: 'unknown', source: 'none', raw: null },
    script: 'simplified', text, sentences: splitSentences(text), references: [], encoding: 'utf-8',
  }
  const view = matchingView(text).text
  return findEvents({ doc: d, view, mentions, times: findTimes(view, { published: d.published }), quotes: [], disabled })
}

const here = dirname(fileURLToPath(import.meta.url))

test('every rule of the registry is consulted by the code, and every rule the code consults is registered', () => {
  const source = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => readFileSync(join(here, f), 'utf8')).join('\n') + readFileSync(join(here, '..', 'index.ts'), 'utf8')
  const used = new Set([...source.matchAll(/\bon\('([a-z-]+\.[a-z-]+)'\)/g)].map((x) => x[1]!))
  const ids = EVENT_RULES.map((r) => r.id)
  assert.deepEqual([...new Set(ids)].length, ids.length, 'rule ids are unique')
  assert.deepEqual(ids.filter((id) => !used.has(id)), [], 'registered but never consulted')
  assert.deepEqual([...used].filter((id) => !ids.includes(id)), [], 'consulted but not registered')
})

test('an unknown rule id is an error, not a silent no-op', () => {
  assert.throws(() => new Rules(['filter.no-such-rule']), /no rule filter\.no-such-rule/)
})

test('event-cues.tsv is sorted, unique and uses known families only', () => {
  const rows = readTsv('event-cues.tsv').rows.map((r) => `${r.family}\t${r.word}`)
  assert.deepEqual(rows, [...new Set(rows)].sort())
  for (const r of readTsv('event-cues.tsv').rows) assert.ok((CUE_FAMILIES as readonly string[]).includes(r.family!), r.family)
})

test('switching a rule off changes what it decides: aid cut off is CAMEO 162 only with type.aid-cessation', () => {
  const t = '甲国12日宣布暂停对乙国的军事援助。'
  const ms = [m(t, '甲国', 'Aland', 'country', 'Aland'), m(t, '乙国', 'Bland', 'country', 'Bland')]
  assert.deepEqual(code(t, '2025-04-14', ms).map((e) => e.cameo.code), ['162'])
  assert.deepEqual(code(t, '2025-04-14', ms, ['type.aid-cessation']).map((e) => e.cameo.code), ['072'])
})

test('the date of an event says where it came from', () => {
  const t1 = '甲国总统安德森13日与乙国总统博尔通电话。'
  const ms1 = [m(t1, '甲国', 'Aland', 'country', 'Aland'), m(t1, '安德森', 'Ann Anderson', 'person', 'Aland'), m(t1, '乙国', 'Bland', 'country', 'Bland'), m(t1, '博尔', 'Bo Borg', 'person', 'Bland')]
  assert.deepEqual(code(t1, '2025-04-14', ms1).map((e) => `${e.date} ${e.dateSource}`), ['2025-04-13 clause'])
  const t2 = '甲国总统安德森与乙国总统博尔通电话。'
  const ms2 = [m(t2, '甲国', 'Aland', 'country', 'Aland'), m(t2, '安德森', 'Ann Anderson', 'person', 'Aland'), m(t2, '乙国', 'Bland', 'country', 'Bland'), m(t2, '博尔', 'Bo Borg', 'person', 'Bland')]
  assert.deepEqual(code(t2, '2025-04-14', ms2).map((e) => `${e.date} ${e.dateSource}`), ['2025-04-14 publication'])
  assert.deepEqual(code(t2, '2025-04-14', ms2, ['date.publication']).map((e) => `${e.date} ${e.dateSource}`), ['null none'])
  // Without a publication date nothing is borrowed: the event stays undated.
  assert.deepEqual(code(t2, null, ms2).map((e) => `${e.date} ${e.dateSource}`), ['null none'])
})

test('a later clause’s time dates its own event, an earlier clause’s time carries forward', () => {
  const t = '安德森2022年曾与博尔通电话，2025年3月4日两人再次会晤。'
  const ms = [m(t, '安德森', 'Ann Anderson', 'person', 'Aland'), m(t, '博尔', 'Bo Borg', 'person', 'Bland')]
  const ev = code(t, null, ms)
  const call = ev.find((e) => e.type === 'call')
  assert.equal(call?.date, '2022')
  assert.equal(ev.find((e) => e.type === 'meeting')?.date, '2025-03-04')
  const t2 = '甲国与乙国官员11日在日内瓦会谈，乙国同意停火30天。'
  const ms2 = [m(t2, '甲国', 'Aland', 'country', 'Aland'), m(t2, '乙国', 'Bland', 'country', 'Bland'), m(t2, '日内瓦', 'Geneva', 'place', 'Switzerland'), m(t2, '乙国', 'Bland', 'country', 'Bland', t2.indexOf('，'))]
  const ev2 = code(t2, '2025-03-12', ms2)
  assert.deepEqual(ev2.map((e) => `${e.type} ${e.date} ${e.dateSource}`), ['meeting 2025-03-11 clause', 'agreement 2025-03-11 sentence'])
})

test('a news agency in a dateline is not a party to what it reports', () => {
  const t = '新华社华盛顿2月28日电 甲国总统安德森28日与乙国总统博尔通电话。'
  const ms = [m(t, '新华社', 'Xinhua News Agency', 'organization', 'China'), m(t, '华盛顿', 'Washington', 'place', 'USA'), m(t, '甲国', 'Aland', 'country', 'Aland'), m(t, '安德森', 'Ann Anderson', 'person', 'Aland'), m(t, '乙国', 'Bland', 'country', 'Bland'), m(t, '博尔', 'Bo Borg', 'person', 'Bland')]
  const names = code(t, '2025-02-28', ms).flatMap((e) => e.actors.map((a) => a.name))
  assert.ok(names.includes('Ann Anderson') && names.includes('Bo Borg'))
  assert.ok(!names.includes('Xinhua News Agency'))
  assert.ok(code(t, '2025-02-28', ms, ['actors.medium-not-actor']).flatMap((e) => e.actors.map((a) => a.name)).includes('Xinhua News Agency'))
})
