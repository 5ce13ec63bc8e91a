// The data the resolve stage looks things up in: actors (country, type, Wikidata id, whether they hold a role),
// CAMEO actor codes and Goldstein scores. Loaded here, once, by the callers of resolve(); resolve() itself only
// receives the lookups, so it stays a pure function of its inputs.
import { readTsv } from '../lexicon/load.js'
import { loadActorLexicon } from '../extract/mentions/lexicon.js'
import { matchingForm } from '../normalize/matching.js'

export interface ActorInfo {
  id: string
  name: string
  type: 'person' | 'country' | 'organization' | 'place'
  country: string | null // id of the actor's country
  wikidata: string | null
  hasRole: boolean
  /** A Chinese (simplified, mainland) spelling for summaries: the full name where the lexicon flags one. */
  zh: string | null
}

export interface ResolveLexicon {
  actor(id: string): ActorInfo | null
  /** CAMEO actor code of a country or body id. */
  code(id: string): string | null
  /** Goldstein score of a CAMEO code, falling back to its two-digit root. */
  goldstein(cameo: string): number | null
  /** Issues for stances: cue words (matching form) -> issue id, with each issue's English label. */
  issues: { issue: string; cue: string; label: string }[]
  stanceCues: { cue: string; position: 'supports' | 'opposes' | 'conditional' }[]
}

/** CAMEO labels and PLOVER types of lexicon/cameo.tsv. */
export function readCameo(): (code: string) => { label: string; plover: string | null } {
  const m = new Map(readTsv('cameo.tsv').rows.map((r) => [r.code!, { label: r.label!, plover: r.plover || null }]))
  return (code) => m.get(code) ?? { label: code, plover: null }
}

/** A lexicon from plain tables: for tests, and the base of the real one. */
export function makeLexicon(actors: ActorInfo[], codes: Map<string, string>, goldstein: Map<string, number>, stances: Pick<ResolveLexicon, 'issues' | 'stanceCues'> = { issues: [], stanceCues: [] }): ResolveLexicon {
  const byId = new Map(actors.map((a) => [a.id, a]))
  return {
    ...stances,
    actor: (id) => byId.get(id) ?? null,
    code: (id) => codes.get(id) ?? null,
    goldstein: (c) => goldstein.get(c) ?? goldstein.get(c.slice(0, 2)) ?? null,
  }
}

export function readGoldstein(): Map<string, number> {
  return new Map(readTsv('goldstein.tsv').rows.map((r) => [r.code!, Number(r.goldstein)]))
}

export function readActorCodes(): Map<string, string> {
  return new Map(readTsv('cameo-actor-codes.tsv').rows.map((r) => [r.actor!, r.code!]))
}

let cached: ResolveLexicon | null = null

/** The lexicon from lexicon/: actors.tsv and roles through the actor lexicon, goldstein.tsv, cameo-actor-codes.tsv. */
export function loadResolveLexicon(): ResolveLexicon {
  if (cached) return cached
  const lex = loadActorLexicon()
  const zh = new Map<string, string>()
  // Mainland spellings first; the common form, not the longest: 普京 over 弗拉基米尔·弗拉基米罗维奇·普京,
  // 美国 over 美利坚合众国, a given name and surname (one ·) over three names.
  const dots = (s: string): number => (s.match(/·/g) ?? []).length
  const rank = (a: (typeof lex.aliases)[number]): number => (a.region === 'cn' ? 0 : a.region === 'any' ? 100 : 200) + (dots(a.alias) > 1 ? 50 : 0) + a.alias.length
  const aliases = lex.aliases.filter((a) => !a.flags.has('short') && /^[\p{Script=Han}·]+$/u.test(a.alias)).sort((x, y) => rank(x) - rank(y))
  for (const a of aliases) if (!zh.has(a.actor)) zh.set(a.actor, a.alias)
  const actors: ActorInfo[] = [...lex.actors.values()].map((a) => ({
    id: a.id,
    name: a.name,
    type: a.type,
    country: a.country,
    wikidata: a.wikidata,
    hasRole: lex.rolesOf(a.id).length > 0,
    zh: zh.get(a.id) ?? null,
  }))
  const issues = readTsv('issues.tsv').rows.map((r) => ({ issue: r.issue!, cue: matchingForm(r.cue!), label: r.label! }))
  const stanceCues = readTsv('stance-cues.tsv').rows.map((r) => ({ cue: matchingForm(r.cue!), position: r.position as 'supports' | 'opposes' | 'conditional' }))
  cached = makeLexicon(actors, readActorCodes(), readGoldstein(), { issues, stanceCues })
  return cached
}
