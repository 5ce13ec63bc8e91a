// Merging across documents on short articles written for these tests (tests/fixtures/resolve): two outlets'
// reports of one call (must merge), a call the same day with someone else (must not), one talk on two days
// (must not), a talk whose readouts give different durations, different people for one side, or different cities
// (merge, and show the divergence), and a reprint (one source). Prints merge precision and recall over the pairs
// of reports.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { openSqliteStore } from '../src/store/sqlite/store.js'
import { ingest } from '../src/pipeline/ingest.js'
import { ensureRecord } from '../src/pipeline/record.js'
import type { MergedEvent } from '../src/core/index.js'
import { projectRoot } from './helpers/shared.js'

const dir = join(projectRoot, 'tests', 'fixtures', 'resolve')

/** Each fixture's key event, and which fixtures report the same event (same group letter + number). */
const KEY: Record<string, { type: string; who: string[]; same: string }> = {
  'a1-call': { type: 'call', who: ['Donald Trump', 'Vladimir Putin'], same: 'call-putin' },
  'a2-call': { type: 'call', who: ['Donald Trump', 'Vladimir Putin'], same: 'call-putin' },
  'a3-call': { type: 'call', who: ['Donald Trump', 'Volodymyr Zelenskyy'], same: 'call-zelenskyy' },
  'b1-talks': { type: 'meeting', who: ['Marco Rubio', 'Sergey Lavrov'], same: 'istanbul-10' },
  'b1-reprint': { type: 'meeting', who: ['Marco Rubio', 'Sergey Lavrov'], same: 'istanbul-10' },
  'b2-talks': { type: 'meeting', who: ['Marco Rubio', 'Sergey Lavrov'], same: 'istanbul-10' },
  'c1-talks': { type: 'meeting', who: ['Marco Rubio', 'Sergey Lavrov'], same: 'istanbul-14' },
  'e1-riyadh': { type: 'meeting', who: ['Marco Rubio', 'Sergey Lavrov'], same: 'riyadh-20' },
  'e2-riyadh': { type: 'meeting', who: ['Marco Rubio', 'Yuri Ushakov'], same: 'riyadh-20' },
  'f1-place': { type: 'meeting', who: ['Marco Rubio', 'Sergey Lavrov'], same: 'talks-25' },
  'f2-place': { type: 'meeting', who: ['Marco Rubio', 'Sergey Lavrov'], same: 'talks-25' },
}

async function record(): Promise<{ events: MergedEvent[]; eventOf: Map<string, string>; docName: Map<string, string> }> {
  const store = openSqliteStore(':memory:')
  const run = await ingest(store, [dir])
  assert.equal(run.failed, 0)
  ensureRecord(store)
  const events = store.listMergedEvents()
  const docName = new Map(store.listDocuments().map((d) => [d.id, d.origin.split('/').pop()!.replace('.txt', '')]))
  store.close()
  // The merged event holding each fixture's key report.
  const eventOf = new Map<string, string>()
  for (const e of events) {
    for (const r of e.reports) {
      const name = docName.get(r.docId)!
      const k = KEY[name]
      const names = [r.source?.name, r.target?.name, ...r.participants.map((p) => p.name)]
      if (k && r.type === k.type && k.who.every((w) => names.includes(w))) eventOf.set(name, e.id)
    }
  }
  return { events, eventOf, docName }
}

test('fixtures: must-merge pairs merge, must-not-merge pairs stay apart; precision and recall of merging', async () => {
  const { eventOf } = await record()
  const names = Object.keys(KEY)
  for (const n of names) assert.ok(eventOf.has(n), `${n}: its key event was not found`)
  let tp = 0, fp = 0, fn = 0
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const [a, b] = [names[i]!, names[j]!]
      const gold = KEY[a]!.same === KEY[b]!.same
      const pred = eventOf.get(a) === eventOf.get(b)
      if (gold && pred) tp++
      else if (pred) fp++
      else if (gold) fn++
    }
  }
  const precision = tp / Math.max(1, tp + fp)
  const recall = tp / Math.max(1, tp + fn)
  console.log(`merge on the fixture pairs: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)} (${tp} right, ${fp} wrong, ${fn} missed pairs)`)
  assert.equal(eventOf.get('a1-call'), eventOf.get('a2-call'), 'one call in two outlets is one event')
  assert.notEqual(eventOf.get('a1-call'), eventOf.get('a3-call'), 'a call with Zelenskyy the same day is another event')
  assert.notEqual(eventOf.get('b1-talks'), eventOf.get('c1-talks'), 'talks four days apart are two events')
  assert.equal(precision, 1)
  assert.equal(recall, 1)
})

test('fixtures: agreeing durations are no divergence; 4.5 h vs about 2 h is, with both sources; a reprint is one source', async () => {
  const { events, eventOf, docName } = await record()
  const call = events.find((e) => e.id === eventOf.get('a1-call'))!
  assert.equal(call.divergences.length, 0, '90 minutes and nearly an hour and a half agree')
  assert.equal(call.sources, 2)
  assert.equal(call.date, '2025-04-02')
  const talks = events.find((e) => e.id === eventOf.get('b1-talks'))!
  assert.equal(talks.reports.length, 3)
  assert.equal(talks.sources, 2, 'the reprint counts with its original')
  const reprint = talks.reports.find((r) => docName.get(r.docId) === 'b1-reprint')!
  assert.ok(reprint.reprintOf, 'the reprint names its original')
  const d = talks.divergences.find((x) => x.field === 'duration')
  assert.ok(d, 'the durations differ')
  assert.deepEqual(d.accounts.map((a) => a.docIds.map((id) => docName.get(id))).sort(), [['b1-talks'], ['b2-talks']].sort())
  assert.deepEqual([talks.source?.name, talks.target?.name].sort(), ['Marco Rubio', 'Sergey Lavrov'])
  assert.equal(talks.source?.code, 'USAGOV')
})

test('fixtures: stances from a statement, with the position and the condition kept', async () => {
  const store = openSqliteStore(':memory:')
  await ingest(store, [dir])
  ensureRecord(store)
  const lavrov = store.listStances({ actors: ['sergey-lavrov'] })
  const russia = store.listStances({ actors: ['Russia'], issues: ['peace-talks'] })
  store.close()
  assert.deepEqual(lavrov.map((s) => [s.issue, s.position, s.date]), [['nato-membership', 'opposes', '2025-04-15']])
  assert.equal(russia.length, 1)
  assert.equal(russia[0]!.position, 'conditional')
  assert.equal(russia[0]!.condition, '美方尊重俄方的安全关切')
})

test('fixtures: readouts naming different people for one side, or different cities, are one event with the disagreement', async () => {
  const { events, eventOf, docName } = await record()
  const seat = events.find((e) => e.id === eventOf.get('e1-riyadh'))!
  const who = seat.divergences.find((d) => d.field === 'participants')
  assert.ok(who, JSON.stringify(seat.divergences))
  assert.deepEqual(who.accounts.map((a) => a.value).sort(), ['Sergey Lavrov (Russia)', 'Yuri Ushakov (Russia)'])
  const place = events.find((e) => e.id === eventOf.get('f1-place'))!.divergences.find((d) => d.field === 'place')
  assert.ok(place)
  assert.deepEqual(place.accounts.map((a) => [a.value, a.docIds.map((id) => docName.get(id))]).sort(), [['Jeddah', ['f2-place']], ['Riyadh', ['f1-place']]])
})

test('fixtures: one document that dates talks to the month in its lead and to the day further down tells one event', async () => {
  const { events, docName } = await record()
  const fromG1 = events.filter((e) => e.reports.some((r) => docName.get(r.docId) === 'g1-restated') && e.family === 'consult')
  assert.equal(fromG1.length, 1, fromG1.map((e) => e.summary.en).join('\n'))
  const talks = fromG1[0]!
  assert.equal(talks.date, '2025-04-22')
  assert.deepEqual(talks.reports.map((r) => r.date).sort(), ['2025-04', '2025-04-22'])
  assert.equal(talks.sources, 1, 'two reports of one document are one source')
  assert.deepEqual([talks.source?.name, talks.target?.name], ['Marco Rubio', 'Sergey Lavrov'], 'the report with the day speaks for the event')
})
