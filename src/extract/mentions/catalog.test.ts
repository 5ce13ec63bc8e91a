// The actor catalog behind `parley actors` and `parley actor`: lookup by any spelling, counts across documents, and
// aliases one document teaches used in another.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { actorProfile, lookupNewActors, mentionsOfSet, sightings, summarizeActors } from './catalog.js'
import { docOf } from './fixtures.js'
import { loadActorLexicon } from './lexicon.js'
import { lookupActors as lookup } from './lookup.js'

const lex = loadActorLexicon()
const lookupActors = (q: string) => lookup(lex, q).actors

test('lookupActors: any script, region, Latin name, id or surname with initial', () => {
  for (const q of ['普京', '普丁', 'Vladimir Putin', 'vladimir-putin', 'V. Putin']) assert.deepEqual(lookupActors(q).map((a) => a.id), ['vladimir-putin'], q)
  assert.equal(lookupActors('约翰逊').length, 2, 'an ambiguous alias names both')
  assert.deepEqual(lookupActors('Nobody Atall'), [])
})

test('actorProfile: roles with dates and aliases by region', () => {
  const p = actorProfile(lex, lookupActors('Antony Blinken')[0]!)
  assert.ok(p.roles.some((r) => r.role === 'us.secretary-of-state' && r.until === '2025-01-20'))
  assert.ok(Object.values(p.aliases).flat().includes('布林肯'))
})

test('a document set: counts, spellings, and a bracket link taught by two documents used in a third', () => {
  const set = mentionsOfSet([
    docOf('芬兰学者卡尔·维尔塔宁(Karl Virtanen)表示支持。普京当天未作回应。', '2025-02-01'),
    docOf('芬兰学者卡尔·维尔塔宁(Karl Virtanen)再次发声。', '2025-02-02'),
    docOf('维尔塔宁说，普丁不会让步。', '2025-02-03'),
  ], lex)
  const actors = summarizeActors(set)
  const putin = actors.find((a) => a.id === 'vladimir-putin')!
  assert.equal(putin.mentions, 2)
  assert.equal(putin.documents, 2)
  assert.deepEqual(putin.aliases.map((a) => a.surface).sort(), ['普丁', '普京'])
  const karl = actors.find((a) => a.name === 'Karl Virtanen')!
  assert.equal(karl.known, false)
  assert.equal(karl.documents, 3)
  assert.deepEqual(lookupNewActors(set, '维尔塔宁'), [karl.id])
  assert.equal(sightings(set, karl.id).length, 3)
})
