// The actor lexicon: lexicon/actors.tsv, actor-aliases.tsv, actor-roles.tsv and role-titles.tsv, loaded once,
// checked as it loads (a bad row throws with file:line), and indexed by matching form so a mention finder can
// look up 烏克蘭, 澤倫斯基 or 當勞‧特朗普 the same way it looks up 乌克兰, 泽伦斯基 or 当劳·特朗普.
import { ActorType } from '../../core/extraction.js'
import { readTsv } from '../../lexicon/load.js'
import { matchingForm } from '../../normalize/matching.js'

export type { ActorType }
export type Region = 'cn' | 'tw' | 'hk' | 'sg' | 'any'
export type AliasFlag = 'short' | 'ambiguous' | 'full'

export interface Actor {
  id: string
  name: string
  wikidata: string | null
  type: ActorType
  country: string | null
  note: string
}

export interface Alias {
  alias: string
  /** matchingForm(alias) with the name dots (‧ • ・) folded to · : what a matching view is searched for. */
  match: string
  actor: string
  region: Region
  flags: Set<AliasFlag>
}

export interface Role {
  actor: string
  role: string
  /** First day in office; null when in office since before the period covered or the day is unknown. */
  from: string | null
  /** The day the term ended; null while in office. */
  until: string | null
}

export interface RoleTitle {
  title: string
  match: string
  /** A role key (us.secretary-of-state) or, for a title without a country, a pattern (*.foreign-minister). */
  role: string
  needsCountry: boolean
}

export interface ActorLexicon {
  actors: Map<string, Actor>
  aliases: Alias[]
  /** matching form -> aliases (several when ambiguous). */
  byMatch: Map<string, Alias[]>
  /** Latin key (latinKey) of every English name and Latin alias -> actors, for `卢比奥(Marco Rubio)`. */
  byLatin: Map<string, Actor[]>
  roles: Role[]
  titles: RoleTitle[]
  /** matching form -> the titles written that way. */
  titlesByMatch: Map<string, RoleTitle[]>
  /** Who held a role on a date (ISO day); null when nobody, unknown, or several hold it at once. */
  holder(role: string, date: string): Actor | null
  /** Everyone who held a role on a date (several for roles such as ru.presidential-aide). */
  holders(role: string, date: string): Actor[]
  /** The roles an actor held on a date, or all of them without one. */
  rolesOf(actor: string, date?: string): Role[]
  /** The actor (country or body) a role key is scoped to: 'ua.foreign-minister' -> Ukraine. */
  scopeOf(role: string): Actor | null
  /** Fills a *.office pattern for a country or body: ('*.foreign-minister', 'ukraine') -> 'ua.foreign-minister'. */
  roleIn(pattern: string, actor: string): string | null
}

// Role scopes: the prefix of a role key and the actor it belongs to. Countries use ISO 3166 alpha-2 codes.
const SCOPES: Record<string, string> = {
  ae: 'united-arab-emirates', br: 'brazil', by: 'belarus', ca: 'canada', ch: 'switzerland', cn: 'china',
  cz: 'czech-republic', de: 'germany', dk: 'denmark', ee: 'estonia', eg: 'egypt', es: 'spain',
  eu: 'european-union', fi: 'finland', fr: 'france', gb: 'united-kingdom', hu: 'hungary', iaea: 'iaea',
  il: 'israel', in: 'india', ir: 'iran', it: 'italy', jp: 'japan', kp: 'north-korea', kr: 'south-korea',
  kz: 'kazakhstan', lt: 'lithuania', lv: 'latvia', md: 'moldova', nato: 'nato', nl: 'netherlands',
  no: 'norway', pl: 'poland', pt: 'portugal', qa: 'qatar', rs: 'serbia', ru: 'russia', sa: 'saudi-arabia',
  se: 'sweden', sk: 'slovakia', tr: 'turkey', ua: 'ukraine', un: 'united-nations', us: 'united-states',
  va: 'vatican-city', za: 'south-africa',
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/
const DAY = /^\d{4}-\d{2}-\d{2}$/
const ROLE = /^([a-z]+|\*)\.[a-z]+(-[a-z]+)*$/
const REGIONS = new Set<string>(['cn', 'tw', 'hk', 'sg', 'any'])
const FLAGS = new Set<string>(['short', 'ambiguous', 'full'])

/**
 * Name dots as the outlets type them (‧ U+2027, • U+2022, ・ U+30FB, ･ U+FF65, ∙, ⋅, and a full stop between two
 * Han characters: 穆罕默德．沙爾曼) become the middle dot ·, one character for one, so spans stay aligned.
 */
export function foldNameDots(s: string): string {
  return s
    .replace(/[\u2027\u2022\u30FB\uFF65\u2219\u22C5]/g, '·')
    .replace(/(?<=\p{Script=Han})[.\uFF0E](?=\p{Script=Han})/gu, '·')
}

/** The form an alias or a title is matched in. */
export function nameMatchForm(s: string): string {
  return foldNameDots(matchingForm(s))
}

/** Key for Latin names: lower case, no diacritics, one space between words (Radosław -> radoslaw). */
export function latinKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

function fail(file: string, line: number, msg: string): never {
  throw new Error(`lexicon: ${file}:${line}: ${msg}`)
}

function header(file: string, got: string[], want: string[]): void {
  if (got.join('\t') !== want.join('\t')) throw new Error(`lexicon: ${file}: header is "${got.join(' ')}", want "${want.join(' ')}"`)
}

function day(file: string, line: number, v: string): string | null {
  if (v === '') return null
  if (!DAY.test(v) || Number.isNaN(Date.parse(v))) fail(file, line, `"${v}" is not an ISO day`)
  return v
}

function loadActors(): Map<string, Actor> {
  const file = 'actors.tsv'
  const t = readTsv(file)
  header(file, t.header, ['id', 'name', 'wikidata', 'type', 'country', 'note'])
  const actors = new Map<string, Actor>()
  t.rows.forEach((r, i) => {
    const line = t.lines[i]!
    const id = r.id!
    if (!ID.test(id)) fail(file, line, `id "${id}" is not a lowercase ascii slug`)
    if (actors.has(id)) fail(file, line, `duplicate id "${id}"`)
    const type = ActorType.safeParse(r.type)
    if (!type.success) fail(file, line, `unknown type "${r.type}"`)
    if (!r.name) fail(file, line, 'empty name')
    if (r.wikidata && !/^Q\d+$/.test(r.wikidata)) fail(file, line, `wikidata "${r.wikidata}" is not a Q-id`)
    actors.set(id, { id, name: r.name!, wikidata: r.wikidata || null, type: type.data, country: r.country || null, note: r.note ?? '' })
  })
  t.rows.forEach((r, i) => {
    const c = r.country
    if (c && actors.get(c)?.type !== 'country') fail(file, t.lines[i]!, `country "${c}" is not a country id`)
  })
  return actors
}

function loadAliases(actors: Map<string, Actor>): Alias[] {
  const file = 'actor-aliases.tsv'
  const t = readTsv(file)
  header(file, t.header, ['alias', 'actor', 'region', 'flags'])
  return t.rows.map((r, i) => {
    const line = t.lines[i]!
    if (!r.alias) fail(file, line, 'empty alias')
    if (!actors.has(r.actor!)) fail(file, line, `unknown actor "${r.actor}"`)
    if (!REGIONS.has(r.region!)) fail(file, line, `unknown region "${r.region}"`)
    const flags = new Set<AliasFlag>()
    for (const f of (r.flags ?? '').split(',').filter(Boolean)) {
      if (!FLAGS.has(f)) fail(file, line, `unknown flag "${f}"`)
      flags.add(f as AliasFlag)
    }
    return { alias: r.alias!, match: nameMatchForm(r.alias!), actor: r.actor!, region: r.region as Region, flags }
  })
}

function loadRoles(actors: Map<string, Actor>): Role[] {
  const file = 'actor-roles.tsv'
  const t = readTsv(file)
  header(file, t.header, ['actor', 'role', 'from', 'until'])
  return t.rows.map((r, i) => {
    const line = t.lines[i]!
    if (!actors.has(r.actor!)) fail(file, line, `unknown actor "${r.actor}"`)
    if (!ROLE.test(r.role!) || r.role!.startsWith('*')) fail(file, line, `role "${r.role}" is not <scope>.<office>`)
    if (!(r.role!.split('.')[0]! in SCOPES)) fail(file, line, `unknown role scope in "${r.role}"`)
    const from = day(file, line, r.from!)
    const until = day(file, line, r.until!)
    if (from && until && from > until) fail(file, line, `from ${from} is after until ${until}`)
    return { actor: r.actor!, role: r.role!, from, until }
  })
}

function loadTitles(): RoleTitle[] {
  const file = 'role-titles.tsv'
  const t = readTsv(file)
  header(file, t.header, ['title', 'role', 'flags'])
  return t.rows.map((r, i) => {
    const line = t.lines[i]!
    if (!r.title) fail(file, line, 'empty title')
    if (!ROLE.test(r.role!)) fail(file, line, `role "${r.role}" is not <scope>.<office> or *.<office>`)
    const scope = r.role!.split('.')[0]!
    if (scope !== '*' && !(scope in SCOPES)) fail(file, line, `unknown role scope in "${r.role}"`)
    if (r.flags !== '' && r.flags !== 'needs-country') fail(file, line, `unknown flag "${r.flags}"`)
    if ((scope === '*') !== (r.flags === 'needs-country')) fail(file, line, 'needs-country goes with a *.<office> role and only with one')
    return { title: r.title!, match: nameMatchForm(r.title!), role: r.role!, needsCountry: r.flags === 'needs-country' }
  })
}

function group<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>()
  for (const it of items) {
    const k = key(it)
    const list = m.get(k)
    if (list) list.push(it)
    else m.set(k, [it])
  }
  return m
}

const covers = (r: Role, date: string) => (r.from === null || r.from <= date) && (r.until === null || date <= r.until)

function build(): ActorLexicon {
  const actors = loadActors()
  const aliases = loadAliases(actors)
  const roles = loadRoles(actors)
  const titles = loadTitles()
  for (const [prefix, id] of Object.entries(SCOPES)) {
    if (!actors.has(id)) throw new Error(`lexicon: role scope ${prefix} names unknown actor "${id}"`)
  }
  const byRole = group(roles, (r) => r.role)
  const latin: [string, Actor][] = [...actors.values()].map((a) => [latinKey(a.name), a])
  for (const a of aliases) if (/^[\p{Script=Latin}\s.'-]+$/u.test(a.alias)) latin.push([latinKey(a.alias), actors.get(a.actor)!])
  const byLatin = new Map<string, Actor[]>()
  for (const [k, a] of latin) {
    const list = byLatin.get(k) ?? []
    if (!list.includes(a)) list.push(a)
    byLatin.set(k, list)
  }

  // Handover days: when one term ends the day the next begins, the later start holds the role that day.
  const current = (role: string, date: string): Role[] => {
    const on = (byRole.get(role) ?? []).filter((r) => covers(r, date))
    const handedOver = (r: Role) => on.some((o) => o !== r && r.until === date && o.from === date)
    return on.filter((r) => !handedOver(r))
  }
  const holders = (role: string, date: string) => [...new Set(current(role, date).map((r) => r.actor))].map((id) => actors.get(id)!)

  return {
    actors,
    aliases,
    byMatch: group(aliases, (a) => a.match),
    byLatin,
    roles,
    titles,
    titlesByMatch: group(titles, (t) => t.match),
    holders,
    holder(role, date) {
      const h = holders(role, date)
      return h.length === 1 ? h[0]! : null
    },
    rolesOf(actor, date) {
      return roles.filter((r) => r.actor === actor && (date === undefined || covers(r, date)))
    },
    scopeOf(role) {
      const id = SCOPES[role.split('.')[0]!]
      return id ? actors.get(id)! : null
    },
    roleIn(pattern, actor) {
      const prefix = Object.keys(SCOPES).find((p) => SCOPES[p] === actor)
      return prefix && pattern.startsWith('*.') ? `${prefix}${pattern.slice(1)}` : null
    },
  }
}

let cached: ActorLexicon | null = null

/** The actor lexicon, loaded on first use. Throws with file:line on bad data. */
export function loadActorLexicon(): ActorLexicon {
  cached ??= build()
  return cached
}
