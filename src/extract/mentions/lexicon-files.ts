// The actor lexicon's files, read from one folder: the shipped lexicon/ (actors.tsv, actor-aliases.tsv,
// actor-roles.tsv, role-titles.tsv, country-codes.tsv, role-agents.tsv, body-scopes.tsv and every
// world/<part>.actors.tsv|aliases.tsv|roles.tsv) or a user's folder with the same names. Each row is checked on
// its own (well-formed id, date, role, code); a bad row is a Problem with file:line and is left out, so
// `parley lexicon check` can list every problem at once. Cross-file checks (an alias of an unknown actor) are
// made when the folders are put together (lexicon.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ActorType } from '../../core/extraction.js'

export interface Problem {
  file: string
  line: number
  message: string
}

export const formatProblem = (p: Problem): string => `${p.file}:${p.line}: ${p.message}`

export type Region = 'cn' | 'tw' | 'hk' | 'sg' | 'any'
export type AliasFlag = 'short' | 'ambiguous' | 'full'

interface At {
  file: string
  line: number
}

export interface ActorRow extends At {
  id: string
  name: string
  wikidata: string | null
  type: ActorType
  country: string | null
  cameo: string | null
  note: string
}
export interface AliasRow extends At {
  alias: string
  actor: string
  region: Region
  flags: Set<AliasFlag>
}
export interface RoleRow extends At {
  actor: string
  role: string
  from: string | null
  until: string | null
}
export interface TitleRow extends At {
  title: string
  role: string
  needsCountry: boolean
}
export interface CountryCodeRow extends At {
  iso2: string
  country: string
  cameo: string
}
export interface AgentRow extends At {
  office: string
  agent: string
  holders: string
}
export interface BodyScopeRow extends At {
  scope: string
  actor: string
}

export interface LexiconFiles {
  actors: ActorRow[]
  aliases: AliasRow[]
  roles: RoleRow[]
  titles: TitleRow[]
  countryCodes: CountryCodeRow[]
  agents: AgentRow[]
  bodyScopes: BodyScopeRow[]
  problems: Problem[]
  /** The files read, as labels (world/leaders.actors.tsv). */
  files: string[]
}

export const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/
const DAY = /^\d{4}-\d{2}-\d{2}$/
export const ROLE = /^([a-z]+|\*)\.[a-z]+(-[a-z]+)*$/
/** A CAMEO actor code: three-letter blocks (USA, RUSGOV, IGOWSTNAT). */
export const CAMEO = /^[A-Z]{3}([A-Z]{3})*$/
const REGIONS = new Set<string>(['cn', 'tw', 'hk', 'sg', 'any'])
const FLAGS = new Set<string>(['short', 'ambiguous', 'full'])

interface Table {
  header: string[]
  rows: { cells: Record<string, string>; line: number }[]
}

/** Reads a TSV file leniently: a row with the wrong number of cells is a problem, not a throw. */
function readTable(path: string, label: string, problems: Problem[]): Table | null {
  let text: string
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
  } catch (e) {
    problems.push({ file: label, line: 0, message: `cannot read (${(e as Error).message})` })
    return null
  }
  let header: string[] | null = null
  const rows: Table['rows'] = []
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '')
    if (!line.trim() || line.startsWith('#')) return
    const cells = line.split('\t')
    if (!header) {
      header = cells
      return
    }
    // A trailing empty cell is often dropped by editors: pad, but never accept extra cells.
    if (cells.length > header.length) return problems.push({ file: label, line: i + 1, message: `${cells.length} cells, the header has ${header.length}` })
    const h: string[] = header
    rows.push({ cells: Object.fromEntries(h.map((k, n) => [k, cells[n] ?? ''])), line: i + 1 })
  })
  if (!header) {
    problems.push({ file: label, line: 1, message: 'no header line' })
    return null
  }
  return { header, rows }
}

function needColumns(t: Table, label: string, want: string[], problems: Problem[]): boolean {
  const missing = want.filter((c) => !t.header.includes(c))
  if (missing.length) problems.push({ file: label, line: 1, message: `header lacks ${missing.join(', ')} (want ${want.join(' ')})` })
  return missing.length === 0
}

function day(v: string): string | null | undefined {
  if (v === '') return null
  return DAY.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined
}

function readActors(t: Table, file: string, out: LexiconFiles): void {
  if (!needColumns(t, file, ['id', 'name', 'wikidata', 'type', 'country'], out.problems)) return
  for (const { cells: r, line } of t.rows) {
    const bad = (message: string) => out.problems.push({ file, line, message })
    const type = ActorType.safeParse(r.type)
    if (!ID.test(r.id!)) bad(`id "${r.id}" is not a lowercase ascii slug`)
    else if (!type.success) bad(`unknown type "${r.type}"`)
    else if (!r.name) bad('empty name')
    else if (r.wikidata && !/^Q\d+$/.test(r.wikidata)) bad(`wikidata "${r.wikidata}" is not a Q-id`)
    else if (r.cameo && !CAMEO.test(r.cameo)) bad(`cameo "${r.cameo}" is not a CAMEO code (three-letter blocks: USA, RUSGOV)`)
    else if (r.country && !ID.test(r.country)) bad(`country "${r.country}" is not an actor id`)
    else out.actors.push({ file, line, id: r.id!, name: r.name!, wikidata: r.wikidata || null, type: type.data, country: r.country || null, cameo: r.cameo || null, note: r.note ?? '' })
  }
}

function readAliases(t: Table, file: string, out: LexiconFiles): void {
  if (!needColumns(t, file, ['alias', 'actor', 'region'], out.problems)) return
  for (const { cells: r, line } of t.rows) {
    const bad = (message: string) => out.problems.push({ file, line, message })
    const flags = new Set<AliasFlag>()
    const unknown = (r.flags ?? '').split(',').filter(Boolean).filter((f) => !FLAGS.has(f) || !flags.add(f as AliasFlag))
    if (!r.alias || r.alias.trim() !== r.alias) bad(r.alias ? `alias "${r.alias}" has spaces at its ends` : 'empty alias')
    else if (!r.actor) bad('empty actor')
    else if (!REGIONS.has(r.region!)) bad(`unknown region "${r.region}" (cn, tw, hk, sg or any)`)
    else if (unknown.length) bad(`unknown flag "${unknown[0]}" (short, ambiguous, full)`)
    else out.aliases.push({ file, line, alias: r.alias, actor: r.actor, region: r.region as Region, flags })
  }
}

function readRoles(t: Table, file: string, out: LexiconFiles): void {
  if (!needColumns(t, file, ['actor', 'role', 'from', 'until'], out.problems)) return
  for (const { cells: r, line } of t.rows) {
    const bad = (message: string) => out.problems.push({ file, line, message })
    const from = day(r.from!)
    const until = day(r.until!)
    if (!ROLE.test(r.role!) || r.role!.startsWith('*')) bad(`role "${r.role}" is not <scope>.<office>`)
    else if (from === undefined) bad(`from "${r.from}" is not an ISO day`)
    else if (until === undefined) bad(`until "${r.until}" is not an ISO day`)
    else if (from && until && from > until) bad(`from ${from} is after until ${until}`)
    else out.roles.push({ file, line, actor: r.actor!, role: r.role!, from, until })
  }
}

function readTitles(t: Table, file: string, out: LexiconFiles): void {
  if (!needColumns(t, file, ['title', 'role', 'flags'], out.problems)) return
  for (const { cells: r, line } of t.rows) {
    const bad = (message: string) => out.problems.push({ file, line, message })
    const star = r.role!.startsWith('*.')
    if (!r.title) bad('empty title')
    else if (!ROLE.test(r.role!)) bad(`role "${r.role}" is not <scope>.<office> or *.<office>`)
    else if (r.flags !== '' && r.flags !== 'needs-country') bad(`unknown flag "${r.flags}"`)
    else if (star !== (r.flags === 'needs-country')) bad('needs-country goes with a *.<office> role and only with one')
    else out.titles.push({ file, line, title: r.title, role: r.role!, needsCountry: star })
  }
}

function readSimple<K extends string>(t: Table, file: string, cols: K[], out: Problem[], check: (r: Record<K, string>) => string | null): (Record<K, string> & At)[] {
  if (!needColumns(t, file, cols, out)) return []
  const rows: (Record<K, string> & At)[] = []
  for (const { cells, line } of t.rows) {
    const r = Object.fromEntries(cols.map((c) => [c, cells[c] ?? ''])) as Record<K, string>
    const problem = check(r)
    if (problem) out.push({ file, line, message: problem })
    else rows.push({ ...r, file, line })
  }
  return rows
}

const KINDS = ['actors', 'aliases', 'roles'] as const
type Kind = (typeof KINDS)[number]
const BASE: Record<Kind, string> = { actors: 'actors.tsv', aliases: 'actor-aliases.tsv', roles: 'actor-roles.tsv' }

/** The files of one kind in a folder: its base file, then <part>.<kind>.tsv in it and in world/, sorted. */
function filesOf(dir: string, kind: Kind): { path: string; label: string }[] {
  const out: { path: string; label: string }[] = []
  if (existsSync(join(dir, BASE[kind]))) out.push({ path: join(dir, BASE[kind]), label: BASE[kind] })
  for (const sub of ['', 'world']) {
    const d = join(dir, sub)
    if (!existsSync(d)) continue
    for (const name of readdirSync(d).sort()) if (name.endsWith(`.${kind}.tsv`)) out.push({ path: join(d, name), label: sub ? `${sub}/${name}` : name })
  }
  return out
}

/**
 * Every lexicon file of a folder, rows checked one by one. `required` (the shipped folder) makes a missing base
 * file a problem; a user folder holds only what it adds.
 */
export function readLexiconFolder(dir: string, required: boolean, prefix = ''): LexiconFiles {
  const out: LexiconFiles = { actors: [], aliases: [], roles: [], titles: [], countryCodes: [], agents: [], bodyScopes: [], problems: [], files: [] }
  if (!existsSync(dir)) {
    out.problems.push({ file: dir, line: 0, message: 'no such folder' })
    return out
  }
  const open = (path: string, label: string): Table | null => {
    out.files.push(prefix + label)
    return readTable(path, prefix + label, out.problems)
  }
  const single = (name: string): Table | null => {
    if (existsSync(join(dir, name))) return open(join(dir, name), name)
    if (required) out.problems.push({ file: prefix + name, line: 0, message: 'missing' })
    return null
  }
  for (const kind of KINDS) {
    if (required && !existsSync(join(dir, BASE[kind]))) out.problems.push({ file: prefix + BASE[kind], line: 0, message: 'missing' })
    for (const f of filesOf(dir, kind)) {
      const t = open(f.path, f.label)
      if (!t) continue
      if (kind === 'actors') readActors(t, prefix + f.label, out)
      else if (kind === 'aliases') readAliases(t, prefix + f.label, out)
      else readRoles(t, prefix + f.label, out)
    }
  }
  const titles = single('role-titles.tsv')
  if (titles) readTitles(titles, prefix + 'role-titles.tsv', out)
  const cc = single('country-codes.tsv')
  if (cc) {
    out.countryCodes = readSimple(cc, prefix + 'country-codes.tsv', ['iso2', 'country', 'cameo'], out.problems, (r) =>
      !/^[a-z]{2}$/.test(r.iso2) ? `iso2 "${r.iso2}" is not two lowercase letters` : !ID.test(r.country) ? `country "${r.country}" is not an actor id` : !/^[A-Z]{3}$/.test(r.cameo) ? `cameo "${r.cameo}" is not a three-letter country code` : null,
    )
  }
  const agents = single('role-agents.tsv')
  if (agents) {
    out.agents = readSimple(agents, prefix + 'role-agents.tsv', ['office', 'agent', 'holders'], out.problems, (r) =>
      !/^[a-z]+(-[a-z]+)*$/.test(r.office)
        ? `office "${r.office}" is not a lowercase office key`
        : !CAMEO.test(r.agent)
          ? `agent "${r.agent}" is not a CAMEO agent code (GOV, MIL, GOVMIL)`
          : r.holders !== 'one' && r.holders !== 'many'
            ? `holders "${r.holders}" is not one or many`
            : null,
    )
  }
  const bodies = single('body-scopes.tsv')
  if (bodies) {
    out.bodyScopes = readSimple(bodies, prefix + 'body-scopes.tsv', ['scope', 'actor'], out.problems, (r) => (!/^[a-z]+$/.test(r.scope) ? `scope "${r.scope}" is not lowercase letters` : !ID.test(r.actor) ? `actor "${r.actor}" is not an actor id` : null))
  }
  return out
}
