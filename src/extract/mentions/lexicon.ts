// The actor lexicon: the shipped lexicon/ folder (actors, aliases, roles, role titles, country codes, role agents,
// body scopes, and the world/ parts), optionally overlaid by a user's folder with the same file names (new
// actors, extra aliases and roles; the same id overrides). Built once per folder list and passed down as a
// value: nothing here is a global a caller changes. Indexed by matching form so 烏克蘭, 澤倫斯基 or 當勞‧特朗普 are
// looked up like 乌克兰, 泽伦斯基 or 当劳·特朗普, and by actor and role so no lookup scans every row.
import { ActorType } from '../../core/extraction.js'
import { SHIPPED_LEXICON } from '../../lexicon/load.js'
import { matchingForm } from '../../normalize/matching.js'
import { formatProblem, readLexiconFolder, type AliasFlag, type LexiconFiles, type Problem, type Region } from './lexicon-files.js'

export type { ActorType, AliasFlag, Problem, Region }

export interface Actor {
  id: string
  name: string
  wikidata: string | null
  type: ActorType
  country: string | null
  /** The CAMEO code the data states (countries, bodies; a person only when fixed); see cameoOf for the derived one. */
  cameo: string | null
  note: string
}

export interface Alias {
  alias: string
  /** matchingForm(alias) with the name dots (‧ • ・) folded to · : what a matching view is searched for. */
  match: string
  actor: string
  region: Region
  /** As the data states them, plus `ambiguous` wherever several actors share the matching form. */
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
  /** actor id -> its aliases. */
  aliasesOf: Map<string, Alias[]>
  /** Latin key (latinKey) of every English name and Latin alias -> actors, for `卢比奥(Marco Rubio)`. */
  byLatin: Map<string, Actor[]>
  /** Wikidata id -> actor. */
  byWikidata: Map<string, Actor>
  roles: Role[]
  titles: RoleTitle[]
  /** matching form -> the titles written that way. */
  titlesByMatch: Map<string, RoleTitle[]>
  /** Who held a role on a date (ISO day); null when nobody, unknown, or several hold it at once. */
  holder(role: string, date: string): Actor | null
  /** Everyone who held a role on a date (several for roles such as ru.presidential-aide). */
  holders(role: string, date: string): Actor[]
  /** Everyone who ever held a role. */
  everHeld(role: string): string[]
  /** The roles an actor held on a date, or all of them without one. */
  rolesOf(actor: string, date?: string): Role[]
  /** The actor (country or body) a role key is scoped to: 'ua.foreign-minister' -> Ukraine. */
  scopeOf(role: string): Actor | null
  /** Fills a *.office pattern for a country or body: ('*.foreign-minister', 'ukraine') -> 'ua.foreign-minister'. */
  roleIn(pattern: string, actor: string): string | null
  /** The CAMEO code of an actor on a date (or today's roles without one): see cameo.ts. */
  cameoOf(actor: string, date?: string | null): string | null
  /** Every CAMEO code an actor has had (for lookups by code). */
  cameoCodes(actor: string): string[]
  /** Offices one person holds at a time in each scope (role-agents.tsv holders = one). */
  singleHolderOffices: Set<string>
  /** The folders it was built from (shipped first). */
  folders: string[]
}

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

/**
 * latinKey with the spelling variants of transliterated names folded, word by word: a final -yy, -iy, -ii, -yi,
 * -ij or -y to -i (Zelenskyy, Zelensky, Zelenskiy), doubled letters once. For lookups typed by users.
 */
export function looseLatinKey(s: string): string {
  return latinKey(s)
    .split(' ')
    .map((w) => w.replace(/(yy|iy|ii|yi|ij|y)$/, 'i').replace(/(.)\1+/g, '$1'))
    .join(' ')
}

export function group<T>(items: Iterable<T>, key: (t: T) => string): Map<string, T[]> {
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

export interface BuiltLexicon {
  lexicon: ActorLexicon
  problems: Problem[]
}

/**
 * Puts folders together, later ones over earlier ones, and checks what spans files: unique ids within the shipped
 * set, every alias and role pointing at an actor, every country and role scope known.
 */
export function buildActorLexicon(parts: LexiconFiles[], folders: string[]): BuiltLexicon {
  const problems: Problem[] = parts.flatMap((p) => p.problems)
  const actors = new Map<string, Actor>()
  parts.forEach((part, k) => {
    const own = new Map<string, string>()
    for (const r of part.actors) {
      const dup = own.get(r.id)
      if (dup) problems.push({ file: r.file, line: r.line, message: `duplicate id "${r.id}" (also ${dup})` })
      own.set(r.id, `${r.file}:${r.line}`)
      // A later folder (a user lexicon) overrides an actor with the same id.
      if (!dup || k > 0) actors.set(r.id, { id: r.id, name: r.name, wikidata: r.wikidata, type: r.type, country: r.country, cameo: r.cameo, note: r.note })
    }
  })
  const all = <T>(pick: (p: LexiconFiles) => T[]): T[] => parts.flatMap(pick)
  const countryRows = new Map<string, { iso2: string; cameo: string }>()
  const scopes = new Map<string, string>()
  for (const c of all((p) => p.countryCodes)) {
    if (actors.get(c.country)?.type !== 'country') problems.push({ file: c.file, line: c.line, message: `country "${c.country}" is not a country id` })
    scopes.set(c.iso2, c.country)
    countryRows.set(c.country, { iso2: c.iso2, cameo: c.cameo })
  }
  for (const b of all((p) => p.bodyScopes)) {
    if (!actors.has(b.actor)) problems.push({ file: b.file, line: b.line, message: `unknown actor "${b.actor}"` })
    scopes.set(b.scope, b.actor)
  }
  // A body's own id is a scope too (icj.president, osce.secretary-general) when no file names it otherwise.
  for (const a of actors.values()) if (a.type === 'organization' && /^[a-z]+$/.test(a.id) && !scopes.has(a.id)) scopes.set(a.id, a.id)
  const agents = new Map(all((p) => p.agents).map((a) => [a.office, a.agent]))
  for (const a of actors.values()) {
    if (!a.country || actors.get(a.country)?.type === 'country') continue
    const row = all((p) => p.actors).find((r) => r.id === a.id && r.country === a.country)
    problems.push({ file: row?.file ?? 'actors.tsv', line: row?.line ?? 0, message: `${a.id}: country "${a.country}" is not a country id` })
  }
  const aliases: Alias[] = []
  const seenAlias = new Set<string>()
  for (const r of all((p) => p.aliases)) {
    if (!actors.has(r.actor)) {
      problems.push({ file: r.file, line: r.line, message: `unknown actor "${r.actor}"` })
      continue
    }
    const match = nameMatchForm(r.alias)
    const key = `${match}\t${r.actor}`
    if (seenAlias.has(key)) continue // the same spelling listed in two files: one is enough
    seenAlias.add(key)
    aliases.push({ alias: r.alias, match, actor: r.actor, region: r.region, flags: new Set(r.flags) })
  }
  const byMatch = group(aliases, (a) => a.match)
  for (const list of byMatch.values()) if (new Set(list.map((a) => a.actor)).size > 1) for (const a of list) a.flags.add('ambiguous')
  const roles: Role[] = []
  const seenRole = new Set<string>()
  for (const r of all((p) => p.roles)) {
    // The same term listed in two files (a part repeating a shipped row) is one term.
    const key = `${r.actor}\t${r.role}\t${r.from}\t${r.until}`
    if (seenRole.has(key)) continue
    seenRole.add(key)
    if (!actors.has(r.actor)) problems.push({ file: r.file, line: r.line, message: `unknown actor "${r.actor}"` })
    else if (!scopes.has(r.role.split('.')[0]!)) problems.push({ file: r.file, line: r.line, message: `unknown role scope in "${r.role}" (not in country-codes.tsv or body-scopes.tsv)` })
    else roles.push({ actor: r.actor, role: r.role, from: r.from, until: r.until })
  }
  const titles: RoleTitle[] = []
  for (const t of all((p) => p.titles)) {
    const scope = t.role.split('.')[0]!
    if (scope !== '*' && !scopes.has(scope)) problems.push({ file: t.file, line: t.line, message: `unknown role scope in "${t.role}"` })
    else titles.push({ title: t.title, match: nameMatchForm(t.title), role: t.role, needsCountry: t.needsCountry })
  }
  const lexicon = index(actors, aliases, byMatch, roles, titles, scopes, countryRows, agents, folders)
  lexicon.singleHolderOffices = new Set(all((p) => p.agents).filter((a) => a.holders === 'one').map((a) => a.office))
  return { lexicon, problems }
}

function index(
  actors: Map<string, Actor>,
  aliases: Alias[],
  byMatch: Map<string, Alias[]>,
  roles: Role[],
  titles: RoleTitle[],
  scopes: Map<string, string>,
  countryRows: Map<string, { iso2: string; cameo: string }>,
  agents: Map<string, string>,
  folders: string[],
): ActorLexicon {
  const byRole = group(roles, (r) => r.role)
  const byActorRoles = group(roles, (r) => r.actor)
  const prefixOf = new Map<string, string>()
  for (const [prefix, id] of scopes) if (!prefixOf.has(id)) prefixOf.set(id, prefix)
  const byLatin = new Map<string, Actor[]>()
  const addLatin = (k: string, a: Actor) => {
    const list = byLatin.get(k) ?? []
    if (!list.includes(a)) list.push(a)
    byLatin.set(k, list)
  }
  for (const a of actors.values()) addLatin(latinKey(a.name), a)
  for (const a of aliases) if (/^[\p{Script=Latin}\s.'’-]+$/u.test(a.alias)) addLatin(latinKey(a.alias), actors.get(a.actor)!)
  const byWikidata = new Map<string, Actor>()
  for (const a of actors.values()) if (a.wikidata && !byWikidata.has(a.wikidata)) byWikidata.set(a.wikidata, a)

  // Handover days: when one term ends the day the next begins, the later start holds the role that day.
  const current = (role: string, date: string): Role[] => {
    const on = (byRole.get(role) ?? []).filter((r) => covers(r, date))
    const handedOver = (r: Role) => on.some((o) => o !== r && r.until === date && o.from === date)
    return on.filter((r) => !handedOver(r))
  }
  const holders = (role: string, date: string) => [...new Set(current(role, date).map((r) => r.actor))].map((id) => actors.get(id)!)
  const rolesOf = (actor: string, date?: string) => (byActorRoles.get(actor) ?? []).filter((r) => date === undefined || covers(r, date))

  const countryCode = (id: string | null): string | null => {
    if (!id) return null
    const a = actors.get(id)
    return a?.cameo ?? countryRows.get(id)?.cameo ?? null
  }
  /** The code a role gives: a body's own code, or the scope country's code with the office's agent. */
  const roleCode = (role: string): string | null => {
    const [scope, office] = [role.slice(0, role.indexOf('.')), role.slice(role.indexOf('.') + 1)]
    const id = scopes.get(scope)
    if (!id) return null
    const body = actors.get(id)
    if (body && body.type !== 'country') return body.cameo
    const c = countryCode(id)
    return c ? c + (agents.get(office) ?? '') : null
  }
  const cameoOf = (id: string, date?: string | null): string | null => {
    const a = actors.get(id)
    if (!a) return null
    if (a.cameo) return a.cameo
    if (a.type === 'country') return countryCode(a.id)
    if (a.type === 'person') {
      const held = date ? rolesOf(id, date) : rolesOf(id).filter((r) => r.until === null)
      // Several offices at once: one of the person's own country first, the latest taken up first.
      const own = a.country ? prefixOf.get(a.country) : undefined
      const ranked = [...held].sort((x, y) => Number(y.role.startsWith(`${own}.`)) - Number(x.role.startsWith(`${own}.`)) || (y.from ?? '').localeCompare(x.from ?? ''))
      for (const r of ranked) {
        const c = roleCode(r.role)
        if (c) return c
      }
    }
    return a.type === 'place' ? null : countryCode(a.country)
  }
  const cameoCodes = (id: string): string[] => {
    const out = new Set<string>()
    const now = cameoOf(id)
    if (now) out.add(now)
    if (!actors.get(id)?.cameo) for (const r of rolesOf(id)) if (r.from) out.add(cameoOf(id, r.from) ?? '')
    out.delete('')
    return [...out]
  }

  return {
    actors,
    aliases,
    byMatch,
    aliasesOf: group(aliases, (a) => a.actor),
    byLatin,
    byWikidata,
    roles,
    titles,
    titlesByMatch: group(titles, (t) => t.match),
    holders,
    holder(role, date) {
      const h = holders(role, date)
      return h.length === 1 ? h[0]! : null
    },
    everHeld: (role) => [...new Set((byRole.get(role) ?? []).map((r) => r.actor))],
    rolesOf,
    scopeOf(role) {
      const id = scopes.get(role.split('.')[0]!)
      return id ? actors.get(id) ?? null : null
    },
    roleIn(pattern, actor) {
      const prefix = prefixOf.get(actor)
      return prefix && pattern.startsWith('*.') ? `${prefix}${pattern.slice(1)}` : null
    },
    cameoOf,
    cameoCodes,
    singleHolderOffices: new Set(),
    folders,
  }
}

/** Reads and builds the lexicon of the shipped folder and the overlays, with every problem found. */
export function readActorLexicon(overlays: string[] = [], shipped = SHIPPED_LEXICON): BuiltLexicon {
  const parts = [readLexiconFolder(shipped, true), ...overlays.map((d) => readLexiconFolder(d, false, overlayLabel(d)))]
  return buildActorLexicon(parts, [shipped, ...overlays])
}

const overlayLabel = (dir: string) => `${dir.replace(/\/+$/, '')}/`

const cache = new Map<string, ActorLexicon>()

/**
 * The actor lexicon: the shipped one, or the shipped one overlaid by a user folder (--lexicon, $PARLEY_LEXICON).
 * Loaded once per folder. Throws naming file:line when the data has problems.
 */
export function loadActorLexicon(overlay?: string | null): ActorLexicon {
  const key = overlay ?? ''
  let lex = cache.get(key)
  if (!lex) {
    const built = readActorLexicon(overlay ? [overlay] : [])
    // A bad row of the user's folder stops the run, naming it; the shipped data is held to its tests
    // (lexicon.test.ts), and a bad row there is left out rather than making every command fail.
    const own = overlay ? built.problems.filter((p) => p.file.startsWith(overlayLabel(overlay))) : []
    if (own.length) {
      const more = own.length > 1 ? ` (and ${own.length - 1} more problems; run parley lexicon check ${overlay})` : ''
      throw new Error(`lexicon: ${formatProblem(own[0]!)}${more}`)
    }
    lex = built.lexicon
    cache.set(key, lex)
  }
  return lex
}
