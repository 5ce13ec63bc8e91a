// Issue 8 with sentences written for these tests: Chinese names by pinyin, unknown foreign names shown as written,
// lookups in any spelling, user lexicon overlays, ministries and joint statements as speakers, CAMEO codes.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Mention } from '../../core/index.js'
import { docOf } from './fixtures.js'
import { findMentions } from './index.js'
import { loadActorLexicon, looseLatinKey, readActorLexicon } from './lexicon.js'
import { lookupActors } from './lookup.js'

const lex = loadActorLexicon()
const at = (ms: Mention[], surface: string): Mention => {
  const m = ms.find((x) => x.surface === surface)
  assert.ok(m, `no mention "${surface}" in ${ms.map((x) => x.surface).join(' ')}`)
  return m
}

test('Chinese person after a title: pinyin in the lexicon order, flagged inferred', () => {
  const ms = findMentions(docOf('国务院副总理孔立平周三抵达日内瓦。', '2025-05-10'))
  const m = at(ms, '孔立平')
  assert.equal(m.name, 'Kong Liping')
  assert.equal(m.inferred, true)
  assert.equal(m.country, 'China')
  assert.equal(m.cameo, 'CHN')
  assert.equal(m.actorId, 'new:孔立平')
})

test('Chinese person: a two-character name before 在, a compound surname', () => {
  assert.equal(at(findMentions(docOf('代表团团长苗青在记者会上作了说明。')), '苗青').name, 'Miao Qing')
  assert.equal(at(findMentions(docOf('外交部发言人欧阳晓明表示，会谈富有成果。')), '欧阳晓明').name, 'Ouyang Xiaoming')
})

test('a transliterated foreign name is not read as Chinese, and is shown as written with a guess', () => {
  const ms = findMentions(docOf('马来西亚总理卡尔西姆表示，愿意为泰柬谈判提供场地。', '2025-07-01'))
  const m = at(ms, '卡尔西姆')
  assert.notEqual(m.inferred, true)
  assert.equal(m.name, '卡尔西姆')
  assert.equal(m.unresolved, true)
  assert.ok(m.guess && /^[A-Z][a-z]+$/.test(m.guess), `guess ${m.guess}`)
  assert.equal(m.country, 'Malaysia')
})

test('the same unknown surface in two documents is the same actor; a traditional form too', () => {
  const a = at(findMentions(docOf('伊朗发言人卡西达尔说，谈判仍在继续。')), '卡西达尔')
  const b = at(findMentions(docOf('伊朗發言人卡西達爾說，談判仍在繼續。')), '卡西達爾')
  assert.equal(a.actorId, b.actorId)
  assert.equal(a.name, '卡西达尔')
  assert.equal(b.name, '卡西達爾')
})

test('a bracketed Latin form is the name', () => {
  const m = findMentions(docOf('法国政治家雅克·德洛尔（Jacques Delors）曾主张欧洲一体化。')).find((x) => x.surface.endsWith('德洛尔'))
  assert.equal(m?.name, 'Jacques Delors')
  assert.equal(m?.guess, undefined)
})

test('a ministry without its country takes the sentence country; a joint statement its parties', () => {
  const ms = findMentions(docOf('外交部表示，中方对此坚决反对。', '2025-03-01'))
  assert.equal(at(ms, '外交部').actorId, 'chinese-foreign-ministry')
  const st = at(findMentions(docOf('美乌联合声明称，双方同意停火三十天。', '2025-03-12')), '联合声明')
  assert.deepEqual(st.parties, ['United States', 'Ukraine'])
  assert.equal(st.type, 'organization')
  assert.equal(st.unresolved, false)
})

test('an organisation the lexicon lacks keeps its surface, flagged', () => {
  const m = findMentions(docOf('人质家属论坛发表声明，呼吁尽快达成协议。')).find((x) => x.surface.endsWith('论坛'))
  assert.ok(m, 'no forum mention')
  assert.equal(m.name, m.surface)
  assert.equal(m.type, 'organization')
  assert.equal(m.unresolved, true)
})

test('CAMEO codes: explicit, derived from the role held that day, else the country', () => {
  assert.equal(lex.cameoOf('russia'), 'RUS')
  assert.equal(lex.cameoOf('nato'), 'IGOWSTNAT')
  assert.equal(lex.cameoOf('russian-foreign-ministry'), 'RUSGOV')
  assert.equal(lex.cameoOf('vladimir-putin', '2025-02-12'), 'RUSGOV')
  assert.equal(lex.cameoOf('mark-rutte', '2025-02-12'), 'IGOWSTNAT')
  assert.equal(lex.cameoOf('mark-rutte', '2023-02-12'), 'NLDGOV')
  assert.ok(lex.cameoCodes('mark-rutte').includes('NLDGOV'))
  const m = at(findMentions(docOf('普京当天与特朗普通电话。', '2025-02-12')), '普京')
  assert.equal(m.cameo, 'RUSGOV')
})

test('lookups in any spelling: surname, y-endings, diacritics, Wikidata id, CAMEO code, either script', () => {
  const ids = (q: string) => lookupActors(lex, q).actors.map((a) => a.id)
  assert.deepEqual(ids('Trump'), ['donald-trump'])
  assert.deepEqual(ids('Donald Trump'), ['donald-trump'])
  assert.deepEqual(ids('Zelensky'), ['volodymyr-zelenskyy'])
  assert.deepEqual(ids('Zelenskyy'), ['volodymyr-zelenskyy'])
  assert.deepEqual(ids('Zelenskiy'), ['volodymyr-zelenskyy'])
  assert.deepEqual(ids('Peskov'), ['dmitry-peskov'])
  assert.deepEqual(ids('澤倫斯基'), ['volodymyr-zelenskyy'])
  assert.equal(looseLatinKey('Zelenskyy'), looseLatinKey('Zelensky'))
  const nato = lex.actors.get('nato')!
  assert.deepEqual(ids(nato.wikidata!), ['nato'])
  assert.ok(ids('RUS').includes('russia'))
  assert.ok(ids('RUSGOV').includes('vladimir-putin'))
  assert.ok(lookupActors(lex, '约翰逊').actors.length >= 2, 'an ambiguous alias lists every candidate')
  assert.deepEqual(ids('Nobody Atall'), [])
})

test('a user lexicon overlays the shipped one: new actors, extra aliases, an override; problems by file:line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-lex-'))
  writeFileSync(join(dir, 'actors.tsv'), 'id\tname\twikidata\ttype\tcountry\tcameo\tnote\nkong-liping\tKong Liping\t\tperson\tchina\t\ttest person\nnato\tNorth Atlantic Treaty Organization\tQ7184\torganization\t\tIGOWSTNAT\toverride\n')
  writeFileSync(join(dir, 'actor-aliases.tsv'), 'alias\tactor\tregion\tflags\n孔立平\tkong-liping\tany\t\n帕通塔\tvladimir-putin\tany\t\n')
  writeFileSync(join(dir, 'actor-roles.tsv'), 'actor\trole\tfrom\tuntil\nkong-liping\tcn.vice-premier\t2023-03-12\t\n')
  const built = readActorLexicon([dir])
  assert.deepEqual(built.problems.filter((p) => p.file.startsWith(dir)), [])
  const user = built.lexicon
  assert.equal(user.actors.get('nato')!.name, 'North Atlantic Treaty Organization')
  assert.equal(user.cameoOf('kong-liping', '2025-05-10'), 'CHNGOV')
  const m = at(findMentions(docOf('国务院副总理孔立平周三抵达日内瓦。', '2025-05-10'), { lexicon: user }), '孔立平')
  assert.equal(m.actorId, 'kong-liping')
  // The shipped lexicon is untouched.
  assert.equal(loadActorLexicon().actors.get('kong-liping'), undefined)

  const bad = mkdtempSync(join(tmpdir(), 'parley-lex-'))
  writeFileSync(join(bad, 'actors.tsv'), 'id\tname\twikidata\ttype\tcountry\tcameo\tnote\nBad Id\tX\t\tperson\tchina\t\t\nok-one\tOk\t\tperson\tchina\tCHNGO\t\n')
  writeFileSync(join(bad, 'actor-aliases.tsv'), 'alias\tactor\tregion\tflags\n某人\tnobody-here\tany\t\n')
  const problems = readActorLexicon([bad]).problems.filter((p) => p.file.startsWith(bad)).map((p) => `${p.file.split('/').pop()}:${p.line}: ${p.message}`)
  assert.equal(problems.length, 3, problems.join('\n'))
  assert.match(problems[0]!, /^actors\.tsv:2: id "Bad Id"/)
  assert.match(problems[1]!, /^actors\.tsv:3: cameo "CHNGO"/)
  assert.match(problems[2]!, /^actor-aliases\.tsv:2: unknown actor "nobody-here"/)
})
