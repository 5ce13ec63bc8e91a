import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readTsv } from '../../lexicon/load.js'
import { foldNameDots, latinKey, loadActorLexicon, nameMatchForm, type Role } from './lexicon.js'

const lex = loadActorLexicon()

// Offices one person holds at a time. Roles left out share holders (ru.presidential-aide) or are not listed
// with dates for every holder.
const SINGLE_HOLDER = [
  'ae.president', 'br.president', 'by.president', 'ca.prime-minister', 'ch.foreign-minister', 'ch.president',
  'cn.defence-minister', 'cn.foreign-minister', 'cn.premier', 'cn.president', 'cz.president', 'de.chancellor',
  'de.defence-minister', 'de.foreign-minister', 'de.president', 'dk.prime-minister', 'ee.prime-minister',
  'es.prime-minister', 'eu.commission-president', 'eu.council-president', 'eu.high-representative',
  'eu.parliament-president', 'fi.foreign-minister', 'fi.president', 'fi.prime-minister', 'fr.defence-minister',
  'fr.foreign-minister', 'fr.president', 'fr.prime-minister', 'gb.defence-secretary', 'gb.foreign-secretary',
  'gb.monarch', 'gb.prime-minister', 'hu.foreign-minister', 'hu.president', 'hu.prime-minister',
  'iaea.director-general', 'il.prime-minister', 'in.prime-minister', 'it.foreign-minister', 'it.prime-minister',
  'jp.prime-minister', 'kr.president', 'nato.secretary-general', 'nl.prime-minister', 'pl.foreign-minister',
  'pl.president', 'pl.prime-minister', 'qa.monarch', 'qa.prime-minister', 'ru.defence-minister',
  'ru.foreign-minister', 'ru.president', 'ru.presidential-press-secretary', 'ru.prime-minister',
  'ru.security-council-secretary', 'ru.svr-director', 'ru.fsb-director', 'sa.crown-prince', 'sa.monarch',
  'se.foreign-minister', 'se.prime-minister', 'sk.president', 'sk.prime-minister', 'tr.foreign-minister',
  'tr.president', 'ua.commander-in-chief', 'ua.defence-minister', 'ua.foreign-minister',
  'ua.head-of-presidential-office', 'ua.hur-chief', 'ua.president', 'ua.prime-minister', 'un.secretary-general',
  'un.spokesperson', 'us.cia-director', 'us.director-of-national-intelligence', 'us.national-security-adviser',
  'us.president', 'us.secretary-of-defense', 'us.secretary-of-state', 'us.secretary-of-the-treasury',
  'us.un-ambassador', 'us.vice-president', 'us.white-house-press-secretary', 'va.pope',
]

const FILES: [string, number][] = [
  ['actors.tsv', 1],
  ['actor-aliases.tsv', 2],
  ['actor-roles.tsv', 3],
  ['role-titles.tsv', 2],
]

for (const [file, keyColumns] of FILES) {
  test(`${file}: sorted by its first ${keyColumns} column(s) in code-unit order, unique`, () => {
    const t = readTsv(file)
    const keys = t.rows.map((r) => t.header.slice(0, keyColumns).map((h) => r[h]).join('\t'))
    for (let i = 1; i < keys.length; i++) {
      assert.ok(keys[i - 1]! < keys[i]!, `${file}:${t.lines[i]}: "${keys[i]}" should come before "${keys[i - 1]}" or is a duplicate`)
    }
  })
}

const counts = (() => {
  const byType: Record<string, number> = {}
  for (const a of lex.actors.values()) byType[a.type] = (byType[a.type] ?? 0) + 1
  const types = Object.entries(byType).map(([t, n]) => `${n} ${t}`).join(', ')
  return `${lex.actors.size} actors (${types}), ${lex.aliases.length} aliases, ${lex.roles.length} roles, ${lex.titles.length} titles`
})()

test(`the lexicon loads: ${counts}`, () => {
  assert.ok(lex.actors.size > 0)
})

test('every alias, role and country points at an existing actor', () => {
  for (const a of lex.aliases) assert.ok(lex.actors.has(a.actor), `alias ${a.alias}: unknown actor ${a.actor}`)
  for (const r of lex.roles) assert.ok(lex.actors.has(r.actor), `role ${r.role}: unknown actor ${r.actor}`)
  for (const a of lex.actors.values()) {
    if (a.country) assert.equal(lex.actors.get(a.country)?.type, 'country', `${a.id}: country ${a.country}`)
    if (a.type === 'country') assert.equal(a.country, a.id, `${a.id}: a country's country is itself`)
  }
})

test('every person has a country and at least one alias; every actor has an alias', () => {
  const aliased = new Set(lex.aliases.map((a) => a.actor))
  for (const a of lex.actors.values()) {
    if (a.type === 'person') assert.ok(a.country, `${a.id} has no country`)
    assert.ok(aliased.has(a.id), `${a.id} has no alias`)
  }
})

test('wikidata ids are Q-ids and name one actor each', () => {
  const seen = new Map<string, string>()
  for (const a of lex.actors.values()) {
    if (a.wikidata === null) continue
    assert.match(a.wikidata, /^Q\d+$/)
    assert.ok(!seen.has(a.wikidata), `${a.wikidata} on both ${seen.get(a.wikidata)} and ${a.id}`)
    seen.set(a.wikidata, a.id)
  }
})

test('aliases: the same matching form for different actors is flagged ambiguous on every side', () => {
  for (const [match, list] of lex.byMatch) {
    const ids = new Set(list.map((a) => a.actor))
    assert.equal(ids.size, list.length, `${match}: listed twice for one actor (${list.map((a) => a.alias).join(', ')})`)
    for (const a of list) {
      assert.equal(a.flags.has('ambiguous'), ids.size > 1, `${a.alias} -> ${a.actor}: ambiguous flag should be ${ids.size > 1}`)
    }
  }
})

test('aliases: a name with a dot is flagged full, and short forms are short', () => {
  for (const a of lex.aliases) {
    if (a.alias.includes('·')) assert.ok(a.flags.has('full'), `${a.alias} has a name dot but no full flag`)
    if (a.flags.has('full')) assert.ok(a.alias.includes('·'), `${a.alias} is flagged full without a name dot`)
  }
  for (const s of ['美', '俄', '乌', '沃兹', '巴罗']) {
    assert.ok(lex.byMatch.get(s)?.every((a) => a.flags.has('short')), `${s} should be short`)
  }
})

test('role dates are well formed and single-holder roles never overlap', () => {
  for (const r of lex.roles) if (r.from && r.until) assert.ok(r.from <= r.until, `${r.actor} ${r.role}`)
  const start = (r: Role) => r.from ?? '0000-00-00'
  const end = (r: Role) => r.until ?? '9999-99-99'
  for (const role of SINGLE_HOLDER) {
    const list = lex.roles.filter((r) => r.role === role).sort((a, b) => (start(a) < start(b) ? -1 : 1))
    assert.ok(list.length > 0, `${role} has no holder`)
    for (let i = 1; i < list.length; i++) {
      // A term may end the day the next one starts (handover at noon), never later.
      assert.ok(end(list[i - 1]!) <= start(list[i]!), `${role}: ${list[i - 1]!.actor} overlaps ${list[i]!.actor}`)
    }
  }
})

test('holder: who held a role on a day', () => {
  const name = (role: string, date: string) => lex.holder(role, date)?.name ?? null
  assert.equal(name('us.secretary-of-state', '2025-01-10'), 'Antony Blinken')
  assert.equal(name('us.secretary-of-state', '2025-01-20'), 'Antony Blinken')
  assert.equal(name('us.secretary-of-state', '2025-02-15'), 'Marco Rubio')
  assert.equal(name('us.president', '2025-01-20'), 'Donald Trump')
  assert.equal(name('us.president', '2024-06-01'), 'Joe Biden')
  assert.equal(name('us.national-security-adviser', '2025-02-18'), 'Mike Waltz')
  assert.equal(name('us.national-security-adviser', '2025-06-01'), 'Marco Rubio')
  assert.equal(name('ua.foreign-minister', '2024-09-04'), 'Dmytro Kuleba')
  assert.equal(name('ua.foreign-minister', '2024-09-05'), 'Andrii Sybiha')
  assert.equal(name('nato.secretary-general', '2024-10-01'), 'Mark Rutte')
  assert.equal(name('eu.high-representative', '2024-11-30'), 'Josep Borrell')
  assert.equal(name('eu.high-representative', '2024-12-01'), 'Kaja Kallas')
  assert.equal(name('ru.presidential-press-secretary', '2023-05-01'), 'Dmitry Peskov')
  assert.equal(name('de.foreign-minister', '2025-06-01'), 'Johann Wadephul')
  assert.equal(name('us.secretary-of-state', '1990-01-01'), null)
  // Several aides at once: holder() will not pick one, holders() lists them.
  assert.equal(lex.holder('ru.presidential-aide', '2025-02-18'), null)
  assert.ok(lex.holders('ru.presidential-aide', '2025-02-18').some((a) => a.id === 'yuri-ushakov'))
  assert.deepEqual(lex.rolesOf('marco-rubio', '2025-06-01').map((r) => r.role).sort(), ['us.national-security-adviser', 'us.secretary-of-state'])
})

test('titles: every office a title names is an office of actor-roles.tsv', () => {
  // A title may name a role whose holders are not listed (中国外交部发言人), but not an office nobody has.
  const offices = new Set(lex.roles.map((r) => r.role.slice(r.role.indexOf('.'))))
  for (const t of lex.titles) {
    assert.ok(offices.has(t.role.slice(t.role.indexOf('.'))), `${t.title}: no role ends in ${t.role.slice(t.role.indexOf('.'))}`)
    assert.equal(t.needsCountry, t.role.startsWith('*.'), `${t.title}: needs-country goes with *.<office>`)
  }
  const role = (title: string) => lex.titlesByMatch.get(nameMatchForm(title))?.map((t) => t.role)
  assert.deepEqual(role('美国国务卿'), ['us.secretary-of-state'])
  assert.deepEqual(role('国务卿'), ['us.secretary-of-state'])
  assert.deepEqual(role('克宮發言人'), ['ru.presidential-press-secretary'])
  assert.deepEqual(role('俄总统助理'), ['ru.presidential-aide'])
  assert.deepEqual(role('烏克蘭外長'), ['ua.foreign-minister'])
  assert.deepEqual(role('北约秘书长'), ['nato.secretary-general'])
  assert.deepEqual(role('外长'), ['*.foreign-minister'])
  assert.equal(lex.roleIn('*.foreign-minister', 'ukraine'), 'ua.foreign-minister')
  assert.equal(lex.scopeOf('ua.foreign-minister')?.name, 'Ukraine')
})

test('the spellings of the issue resolve to the right actor', () => {
  const want: Record<string, string> = {
    特朗普: 'donald-trump', 川普: 'donald-trump', '當勞·特朗普': 'donald-trump', '唐纳德·特朗普': 'donald-trump',
    普京: 'vladimir-putin', 普丁: 'vladimir-putin',
    泽连斯基: 'volodymyr-zelenskyy', 泽伦斯基: 'volodymyr-zelenskyy', 澤連斯基: 'volodymyr-zelenskyy', 澤倫斯基: 'volodymyr-zelenskyy',
    鲁比奥: 'marco-rubio', 卢比奥: 'marco-rubio', 魯比奧: 'marco-rubio',
    华尔兹: 'mike-waltz', 沃兹: 'mike-waltz', 瓦尔兹: 'mike-waltz', 華爾滋: 'mike-waltz',
    维特科夫: 'steve-witkoff', 威特科夫: 'steve-witkoff', 魏科夫: 'steve-witkoff',
    乌沙科夫: 'yuri-ushakov', 烏沙科夫: 'yuri-ushakov', 鄂夏柯夫: 'yuri-ushakov',
    赫格塞思: 'pete-hegseth', 海格塞斯: 'pete-hegseth', 赫格塞斯: 'pete-hegseth',
    克宫: 'kremlin', 克里姆林宫: 'kremlin', 白宫: 'white-house', 北约: 'nato', 欧盟: 'european-union',
    联合国: 'united-nations', 中情局: 'cia', 对外情报局: 'svr',
    // Traditional script and other dots fold to the listed form.
    '當勞‧特朗普': 'donald-trump', '唐納德•特朗普': 'donald-trump', '穆罕默德．沙爾曼': 'mohammed-bin-salman',
    克里姆林宮: 'kremlin', 烏克蘭: 'ukraine', 沙烏地阿拉伯: 'saudi-arabia',
  }
  for (const [surface, id] of Object.entries(want)) {
    const found = lex.byMatch.get(nameMatchForm(surface))?.map((a) => a.actor)
    assert.deepEqual(found, [id], `${surface} -> ${found?.join(',') ?? 'nothing'}, want ${id}`)
  }
})

test('Latin names find their actor whatever the diacritics and variant', () => {
  const id = (s: string) => lex.byLatin.get(latinKey(s))?.map((a) => a.id)
  assert.deepEqual(id('Marco Rubio'), ['marco-rubio'])
  assert.deepEqual(id('Radoslaw Sikorski'), ['radoslaw-sikorski'])
  assert.deepEqual(id('Recep Tayyip ERDOĞAN'), ['recep-tayyip-erdogan'])
  assert.deepEqual(id('Andriy Sybiga'), ['andrii-sybiha'])
  assert.deepEqual(id('Volodymyr Zelensky'), ['volodymyr-zelenskyy'])
})

test('name dots fold one character for one', () => {
  assert.equal(foldNameDots('當勞‧特朗普・唐納德•川普'), '當勞·特朗普·唐納德·川普')
  assert.equal(foldNameDots('穆罕默德．沙爾曼 3.5 J.D.'), '穆罕默德·沙爾曼 3.5 J.D.')
})
