import { test } from 'node:test'
import assert from 'node:assert/strict'
import { timeWords } from './words.js'

test('time-words.tsv is sorted by kind and word, and each word is listed once', () => {
  const rows = timeWords()
  const keys = rows.map((w) => `${w.kind}\t${w.word}`)
  assert.deepEqual(keys, [...keys].sort())
  const words = rows.map((w) => w.word)
  assert.equal(new Set(words).size, words.length, 'a word appears twice')
})

test('counted words have a unit and an ordered range; markers and zones have none', () => {
  for (const w of timeWords()) {
    if (w.kind === 'rel' || w.kind === 'anchor' || w.kind === 'vague') {
      assert.ok(w.unit, `line ${w.line}: ${w.word} has no unit`)
      assert.ok(w.from <= w.to, `line ${w.line}: ${w.word}: from > to`)
      if (w.kind !== 'vague') assert.equal(w.from, w.to, `line ${w.line}: ${w.word} names one period`)
    } else {
      assert.equal(w.unit, null, `line ${w.line}: ${w.word}`)
    }
    if (w.kind === 'zone') assert.ok(w.word.endsWith('时间') || w.word.endsWith('时'), w.word)
  }
  for (const k of ['future', 'future-weak', 'rel', 'anchor', 'zone'] as const) {
    assert.ok(timeWords().some((w) => w.kind === k), `no ${k} words`)
  }
})
