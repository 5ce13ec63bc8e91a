// Data test for the mention finder's own lexicon files: sorted, unique, loadable, and pointing at what exists.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readTsv } from '../../lexicon/load.js'
import { matchingForm } from '../../normalize/matching.js'
import { mentionData } from './data.js'
import { loadActorLexicon } from './lexicon.js'
import { latinDistance, pinyinDistance, romanize, soundKey } from './phonetics.js'
const lex = loadActorLexicon()

const FILES: [string, number][] = [
  ['translit-chars.tsv', 1],
  ['name-context.tsv', 2],
  ['coref-words.tsv', 2],
]

for (const [file, keyColumns] of FILES) {
  test(`${file}: sorted by its first ${keyColumns} column(s) in code-unit order, unique`, () => {
    const t = readTsv(file)
    const keys = t.rows.map((r) => t.header.slice(0, keyColumns).map((h) => r[h]).join('\t'))
    for (let i = 1; i < keys.length; i++) assert.ok(keys[i - 1]! < keys[i]!, `${file}:${t.lines[i]}: "${keys[i]}" should come before "${keys[i - 1]}" or is a duplicate`)
  })
}

test('the files load, with a few hundred transliteration characters', () => {
  const d = mentionData()
  assert.ok(d.translit.size >= 300, `${d.translit.size} characters`)
  for (const kind of ['country-follower', 'country-joiner', 'person-cue', 'former', 'female-char', 'name-end'] as const) assert.ok(d.context[kind].size > 0, kind)
  assert.ok(d.coref.some((w) => w.kind === 'pronoun'))
})

test('transliteration characters are simplified: the matching view folds every other form to them', () => {
  for (const ch of mentionData().translit.keys()) assert.equal(matchingForm(ch), ch, `${ch} is not in its matching form`)
})

test('every concrete role a coreference word names is a role some actor holds', () => {
  const roles = new Set(loadActorLexicon().roles.map((r) => r.role))
  for (const w of mentionData().coref) {
    if (w.kind !== 'role-noun' || !w.role || w.role.startsWith('*')) continue
    assert.ok(roles.has(w.role), `${w.word}: ${w.role}`)
  }
})

test('sound comparison: a transliteration is close to its Latin name, far from another', () => {
  assert.equal(soundKey('Blinken'), soundKey('blinken'))
  assert.ok(latinDistance('布林肯', 'Antony Blinken') < 0.2)
  assert.ok(latinDistance('马尔科·卢比奥', 'Marco Rubio') < 0.2)
  assert.ok(latinDistance('布林肯', 'Marco Rubio') > 0.5)
  assert.ok(pinyinDistance('泽连斯基', '泽伦斯基') < 0.25)
  assert.ok(pinyinDistance('泽连斯基', '佩斯科夫') > 0.5)
})

test('romanize: given names by country from the lexicon, other parts by sound', () => {
  assert.equal(romanize(lex, '弗拉基米尔·巴图克', 'russia'), 'Vladimir Batuk')
  assert.match(romanize(lex, '弗拉基米尔·巴图克', 'ukraine'), /^Volodymyr /)
  assert.equal(romanize(lex, '巴图克', null), 'Batuk')
})
