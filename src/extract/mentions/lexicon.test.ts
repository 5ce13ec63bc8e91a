import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readTsv } from '../../lexicon/load.js'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { SHIPPED_LEXICON } from '../../lexicon/load.js'
import { CAMEO, formatProblem, readLexiconFolder } from './lexicon-files.js'
import { foldNameDots, latinKey, loadActorLexicon, nameMatchForm, readActorLexicon, type Role } from './lexicon.js'

const lex = loadActorLexicon()

const FILES: [string, number][] = [
  ['actors.tsv', 1],
  ['actor-aliases.tsv', 2],
  ['actor-roles.tsv', 3],
  ['role-titles.tsv', 2],
  ['country-codes.tsv', 1],
  ['role-agents.tsv', 1],
  ['body-scopes.tsv', 1],
  ['chinese-surnames.tsv', 1],
]
const KEYS: Record<string, number> = { actors: 1, aliases: 2, roles: 3 }
const worldDir = join(SHIPPED_LEXICON, 'world')
const WORLD = existsSync(worldDir) ? readdirSync(worldDir).filter((f) => /\.(actors|aliases|roles)\.tsv$/.test(f)).sort() : []

for (const [file, keyColumns] of [...FILES, ...WORLD.map((f): [string, number] => [`world/${f}`, KEYS[f.split('.').at(-2)!]!])]) {
  test(`${file}: sorted by its first ${keyColumns} column(s) in code-unit order, unique`, () => {
    const t = readTsv(file)
    const keys = t.rows.map((r) => t.header.slice(0, keyColumns).map((h) => r[h]).join('\t'))
    for (let i = 1; i < keys.length; i++) {
      assert.ok(keys[i - 1]! < keys[i]!, `${file}:${t.lines[i]}: "${keys[i]}" should come before "${keys[i - 1]}" or is a duplicate`)
    }
  })
}

test('the shipped lexicon has no problems: unique ids across all files, every alias and role points at an actor, known scopes', () => {
  const problems = readActorLexicon().problems.map(formatProblem)
  assert.deepEqual(problems.slice(0, 30), [], `${problems.length} problems`)
})

test('every CAMEO code is well formed, and every country and body has one', () => {
  for (const a of lex.actors.values()) {
    const c = lex.cameoOf(a.id)
    if (c !== null) assert.match(c, CAMEO, `${a.id}: ${c}`)
    if (a.type === 'country' || a.type === 'organization') assert.ok(c, `${a.id} has no CAMEO code`)
    for (const code of lex.cameoCodes(a.id)) assert.match(code, CAMEO, `${a.id}: ${code}`)
  }
})

test('every office of a role has a role-agents.tsv row', () => {
  const offices = new Set([...lex.singleHolderOffices])
  const rows = readTsv('role-agents.tsv').rows.map((r) => r.office!)
  for (const o of rows) offices.add(o)
  const missing = [...new Set(lex.roles.map((r) => r.role.slice(r.role.indexOf('.') + 1)))].filter((o) => !offices.has(o))
  assert.deepEqual(missing, [])
})

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

test('aliases: the same matching form for different actors is flagged ambiguous on every side, in the files', () => {
  // The loader adds the flag where it is missing (a user lexicon may not know of a clash); the shipped files state it.
  const rows = readLexiconFolder(SHIPPED_LEXICON, true).aliases
  const byMatch = new Map<string, typeof rows>()
  for (const r of rows) byMatch.set(nameMatchForm(r.alias), [...(byMatch.get(nameMatchForm(r.alias)) ?? []), r])
  const wrong: string[] = []
  for (const list of byMatch.values()) {
    const ids = new Set(list.map((a) => a.actor))
    for (const a of list) if (a.flags.has('ambiguous') !== ids.size > 1) wrong.push(`${a.file}:${a.line}: ${a.alias} -> ${a.actor}: ambiguous flag should be ${ids.size > 1}`)
  }
  assert.deepEqual(wrong.slice(0, 30), [], `${wrong.length} aliases`)
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
  const overlaps: string[] = []
  const byRole = new Map<string, Role[]>()
  for (const r of lex.roles) if (lex.singleHolderOffices.has(r.role.slice(r.role.indexOf('.') + 1))) byRole.set(r.role, [...(byRole.get(r.role) ?? []), r])
  for (const [role, roles] of byRole) {
    const list = [...roles].sort((a, b) => (start(a) < start(b) ? -1 : 1))
    for (let i = 1; i < list.length; i++) {
      // A term may end the day the next one starts (handover at noon), never later.
      if (end(list[i - 1]!) > start(list[i]!)) overlaps.push(`${role}: ${list[i - 1]!.actor} overlaps ${list[i]!.actor}`)
    }
  }
  assert.deepEqual(overlaps, [])
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
