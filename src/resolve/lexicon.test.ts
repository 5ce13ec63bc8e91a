import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readTsv } from '../lexicon/load.js'
import { loadActorLexicon } from '../extract/mentions/lexicon.js'

for (const [file, key] of [['goldstein.tsv', 'code'], ['cameo-actor-codes.tsv', 'actor'], ['issues.tsv', 'issue\tcue'], ['stance-cues.tsv', 'cue']] as const) {
  test(`lexicon/${file} is sorted and unique`, () => {
    const keys = readTsv(file).rows.map((r) => key.split('\t').map((k) => r[k]!).join('\t'))
    for (let i = 1; i < keys.length; i++) assert.ok(keys[i - 1]! < keys[i]!, `${file}: ${keys[i - 1]} before ${keys[i]}`)
  })
}

test('goldstein scores lie in [-10, 10]', () => {
  for (const r of readTsv('goldstein.tsv').rows) assert.ok(Math.abs(Number(r.goldstein)) <= 10, `${r.code}: ${r.goldstein}`)
})

test('every CAMEO actor code names an actor of actors.tsv', () => {
  const lex = loadActorLexicon()
  for (const r of readTsv('cameo-actor-codes.tsv').rows) assert.ok(lex.actors.has(r.actor!), `cameo-actor-codes.tsv: ${r.actor} is not in actors.tsv`)
})
