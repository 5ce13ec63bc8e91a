import { test } from 'node:test'
import assert from 'node:assert/strict'
import { datesAgree, nearestDayOfMonth } from './dates.js'
import { durationsAgree } from './divergence.js'
import { findReprints, similarity, signature } from './reprints.js'
import { anchors } from './anchor.js'
import { quadClass, eventId } from './event.js'
import type { MergedEvent, Report } from '../core/record.js'

test('a day within a month-only date agrees; two different days do not', () => {
  assert.ok(datesAgree('2025-02', '2025-02-12'))
  assert.ok(datesAgree('2025-02-12', '2025-02-12'))
  assert.ok(!datesAgree('2025-02-12', '2025-02-13'))
  assert.ok(!datesAgree('2025-03', '2025-02-12'))
})

test('90 minutes and nearly an hour and a half agree; 4.5 hours and 2 hours do not', () => {
  assert.ok(durationsAgree({ minutes: 90, qualifier: 'about', surface: '约90分钟' }, { minutes: 90, qualifier: 'nearly', surface: '近一个半小时' }))
  assert.ok(durationsAgree({ minutes: 90, qualifier: null, surface: '90分钟' }, { minutes: 80, qualifier: 'about', surface: '约80分钟' }))
  assert.ok(!durationsAgree({ minutes: 270, qualifier: null, surface: '4.5小时' }, { minutes: 120, qualifier: null, surface: '2小时' }))
  assert.ok(!durationsAgree({ minutes: 90, qualifier: null, surface: '90分钟' }, { minutes: 60, qualifier: 'about', surface: '约一个小时' }))
})

test('a bare day of the month resolves to the nearest such day', () => {
  assert.equal(nearestDayOfMonth(12, '2025-02-13'), '2025-02-12')
  assert.equal(nearestDayOfMonth(28, '2025-03-02'), '2025-02-28')
  assert.equal(nearestDayOfMonth(31, '2025-02-20'), '2025-01-31')
})

test('MinHash: a copy with a credit line added is a reprint, another story is not', () => {
  const story = '外长们在伊斯坦布尔举行了长时间会谈，双方同意继续就恢复外交往来保持沟通，并将于下月再次会面。'.repeat(4)
  const other = '欧盟领导人在布鲁塞尔召开紧急会议，讨论向乌克兰提供新一轮援助以及加强欧洲防务的计划。'.repeat(4)
  const [a, b, c] = [signature(story), signature(story + '（来源：某通讯社）'), signature(other)]
  assert.ok(similarity(a, b) > 0.8)
  assert.ok(similarity(a, c) < 0.2)
  const groups = findReprints([
    { docId: 'b', text: story + '（来源：某通讯社）', published: '2025-04-12' },
    { docId: 'a', text: story, published: '2025-04-11' },
    { docId: 'c', text: other, published: null },
  ])
  assert.deepEqual(groups.map((g) => g.docIds), [['a', 'b']], 'the earlier one is the original')
})

test('quad classes and stable ids', () => {
  assert.deepEqual(['010', '046', '072', '120', '190'].map(quadClass), [1, 1, 2, 3, 4])
  const a = { actorId: 'x', name: 'X', type: 'person', country: null, code: null, wikidata: null } as const
  const b = { ...a, actorId: 'y', name: 'Y' }
  assert.equal(eventId('consult', '2025-02-12', [a, b]), eventId('consult', '2025-02-12', [b, a]))
  assert.notEqual(eventId('consult', '2025-02-12', [a, b]), eventId('consult', '2025-02-13', [a, b]))
})

test('anchors: conflicting clues are outvoted, the kept range is the consistent one', () => {
  const report = (docId: string, date: string | null, dayOfMonth: number | null): Report => ({
    docId, docTitle: '', url: null, outlet: null, published: null, extractionId: docId + date, start: 0, end: 1, sentence: 's', type: 'call', cameo: '041',
    date, dateInferred: false, dayOfMonth, duration: null, place: null, source: null, target: null, participants: [], modality: 'reported', reprintOf: null,
  })
  const person = { actorId: 'p', name: 'P', type: 'person', country: null, code: null, wikidata: null } as const
  const event = (id: string, date: string, family: string, reports: Report[]) => ({ id, date, family, source: family === 'consult' ? person : null, target: family === 'consult' ? person : null, reports }) as unknown as MergedEvent
  const found = anchors(new Set(['u']), [
    event('call', '2025-02-12', 'consult', [report('u', null, 12), report('d', '2025-02-12', null)]),
    event('deal', '2025-03-12', 'agree', [report('u', null, 12), report('e', '2025-03-12', null)]),
  ])
  assert.equal(found.length, 1)
  assert.deepEqual([found[0]!.start, found[0]!.end, found[0]!.evidence.length], ['2025-02-12', '2025-02-18', 1])
})
