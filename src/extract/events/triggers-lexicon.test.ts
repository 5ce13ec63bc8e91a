// The event dictionary (lexicon/event-triggers.tsv) checked as data, and every row's example sentence run
// through the whole pipeline: extract() on a one-sentence document published 2025-03-20 must code an event of
// the row's type and CAMEO code from the row's trigger. A failing example is fixed or its row dropped, never
// special-cased in code.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readTsv } from '../../lexicon/load.js'
import { matchingForm } from '../../normalize/matching.js'
import { matchingView } from '../../normalize/matching.js'
import { splitSentences } from '../../normalize/sentences.js'
import { detectScript } from '../../normalize/script.js'
import { EventType, type Document } from '../../core/index.js'
import { extract } from '../index.js'
import { eventLexicon, parseCue } from './lexicon.js'
import { triggerCandidates } from './triggers.js'
import { triggerContext } from './index.js'
import { clausesOf } from './clauses.js'

const PUBLISHED = '2025-03-20'
const PLOVER = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'])

function doc(text: string): Document {
  return {
    id: 'example', origin: 'test', part: null, format: 'text', url: null, outlet: null, lang: 'zh', title: 'example',
    published: { at: PUBLISHED, precision: 'day', source: 'user', raw: PUBLISHED },
    script: detectScript(text), text, sentences: splitSentences(text), references: [], encoding: 'utf-8',
  }
}

const rows = readTsv('event-triggers.tsv').rows
const cameo = readTsv('cameo.tsv').rows

test('the event dictionary is sorted, unique, and every row is well formed', () => {
  const keys = rows.map((r) => `${r.trigger}\t${r.needs}`)
  assert.deepEqual(keys, [...keys].sort(), 'sorted by trigger, then needs')
  const folded = rows.map((r) => `${matchingForm(r.trigger!)}\t${r.needs!.split(',').map(matchingForm).sort().join(',')}`)
  const dup = folded.filter((k, i) => folded.indexOf(k) !== i)
  assert.deepEqual(dup, [], 'unique by matching form (a traditional spelling of the same words needs no row)')
  assert.ok(rows.length >= 1000, `${rows.length} patterns`)
  const codes = new Set(cameo.map((r) => r.code))
  for (const r of rows) {
    const where = `${r.trigger} ${r.needs}`
    assert.ok(codes.has(r.cameo!), `${where}: CAMEO ${r.cameo} not in cameo.tsv`)
    assert.ok(EventType.safeParse(r.type).success, `${where}: type ${r.type}`)
    assert.ok(['any', 'cn', 'tw', 'hk'].includes(r.region!), `${where}: region ${r.region}`)
    assert.ok(['noun', 'verb'].includes(r.pos!), `${where}: pos ${r.pos}`)
    assert.ok(r.example!.includes(r.trigger!), `${where}: the example does not contain the trigger`)
    if (r.needs !== '-') for (const c of r.needs!.split(',')) assert.doesNotThrow(() => parseCue(c), where)
  }
  assert.ok(eventLexicon().triggers.size > 500)
})

test('the CAMEO table: codes sorted and unique, every root 01-20, PLOVER types from the 16', () => {
  const codes = cameo.map((r) => r.code!)
  assert.deepEqual(codes, [...new Set(codes)].sort())
  for (let root = 1; root <= 20; root++) assert.ok(codes.includes(`${String(root).padStart(2, '0')}0`), `root ${root}`)
  for (const r of cameo) assert.ok(!r.plover || PLOVER.has(r.plover), `${r.code}: PLOVER ${r.plover}`)
})

test('every example reports an event of its row from its trigger', () => {
  const failures: string[] = []
  for (const r of rows) {
    const d = doc(r.example!)
    const ex = extract(d)
    const ok = ex.events.some((e) => e.trigger === r.trigger && e.type === r.type && e.cameo.code === r.cameo && e.modality !== 'negated')
    if (ok) continue
    const view = matchingView(d.text).text
    const tc = triggerContext(view)
    const why = d.sentences.flatMap((s) => triggerCandidates(view, s, clausesOf(view, s), ex.mentions, tc))
      .map((c) => `${c.trigger.trigger}/${c.trigger.type}:${c.rejected ?? 'coded'}`)
    const got = ex.events.map((e) => `${e.type} ${e.cameo.code} ${e.trigger} ${e.modality} [${e.actors.map((a) => a.name).join('+')}]`)
    failures.push(`${r.trigger}\t${r.needs}\t${r.type} ${r.cameo}\t${r.example}\n    events: ${got.join('; ') || 'none'}\n    triggers: ${why.join('; ')}`)
  }
  assert.equal(failures.length, 0, `${failures.length} examples fail:\n${failures.join('\n')}`)
})

test('cues: side, distance, the first cue governs, and a cue that is the clause trigger gives way only to a new reading', () => {
  const coded = (text: string): string[] => extract(doc(text)).events.filter((e) => e.type !== 'statement').map((e) => `${e.type} ${e.cameo.code} ${e.trigger}`)
  // 达成<8: at most eight characters between 达成 and 协议.
  assert.deepEqual(coded('美国和乌克兰15日达成一项协议。'), ['agreement 057 协议'])
  assert.deepEqual(coded('美国和乌克兰15日达成了关于乌克兰战后重建和矿产开采收益分配的协议。'), [])
  // 生效> stands after 停火; 宣布< before it.
  assert.deepEqual(coded('以色列和伊朗之间停火15日生效。'), ['ceasefire 0871 停火'])
  // 接受…提议 is an agreement, 提议 alone a proposal.
  assert.deepEqual(coded('泽连斯基15日采纳特朗普提议。'), ['agreement 030 提议'])
  assert.deepEqual(coded('普京15日提议与泽连斯基会面。'), ['proposal 030 提议'])
  // 同意 + 暂停攻击 is a truce; 不接受 + 条件 stays a refusal (接受 is inside 不接受, not the trigger itself).
  assert.deepEqual(coded('普京15日同意暂停攻击乌克兰能源设施。'), ['ceasefire 0871 暂停攻击'])
  assert.deepEqual(coded('乌克兰15日不接受俄罗斯的条件。'), ['reject 120 不接受'])
  // 在…斡旋下 frames the truce that follows; the mediation is no event of its own.
  assert.deepEqual(coded('以色列和伊朗15日在卡塔尔斡旋下达成停火。'), ['ceasefire 0871 达成停火'])
})
