// The data the mention finder reads beside the actor lexicon: transliteration characters, the words around a
// name that tell what it is, and coreference words (lexicon/translit-chars.tsv, name-context.tsv,
// coref-words.tsv). Loaded once and checked as they load: a bad row throws with file:line.
import { readTsv } from '../../lexicon/load.js'

export type TranslitKind = 'core' | 'common'
export type ContextKind = 'country-follower' | 'country-joiner' | 'person-cue' | 'former' | 'female-char' | 'name-end' | 'org-suffix' | 'statement' | 'honorific'
export type CorefKind = 'pronoun' | 'role-noun' | 'pair' | 'not'

export interface CorefWord {
  word: string
  kind: CorefKind
  /** A role key, a *.<office> pattern, '*' (any person), or null. */
  role: string | null
  gender: 'male' | 'female' | null
}

export interface MentionData {
  /** Transliteration character -> the Latin sound it stands for and how rare it is outside names. */
  translit: Map<string, { latin: string; kind: TranslitKind }>
  context: Record<ContextKind, Set<string>>
  coref: CorefWord[]
  /** Chinese surnames (lexicon/chinese-surnames.tsv), one or two characters. */
  surnames: Set<string>
}

const CONTEXT_KINDS: ContextKind[] = ['country-follower', 'country-joiner', 'person-cue', 'former', 'female-char', 'name-end', 'org-suffix', 'statement', 'honorific']
const COREF_KINDS: CorefKind[] = ['pronoun', 'role-noun', 'pair', 'not']

function fail(file: string, line: number, msg: string): never {
  throw new Error(`lexicon: ${file}:${line}: ${msg}`)
}

function loadTranslit(): MentionData['translit'] {
  const file = 'translit-chars.tsv'
  const t = readTsv(file)
  const out: MentionData['translit'] = new Map()
  t.rows.forEach((r, i) => {
    const line = t.lines[i]!
    if ([...(r.char ?? '')].length !== 1) fail(file, line, `"${r.char}" is not one character`)
    if (!/^[a-z]+$/.test(r.latin ?? '')) fail(file, line, `latin "${r.latin}" is not lowercase ascii`)
    if (r.kind !== 'core' && r.kind !== 'common') fail(file, line, `kind "${r.kind}" is not core or common`)
    if (out.has(r.char!)) fail(file, line, `duplicate char "${r.char}"`)
    out.set(r.char!, { latin: r.latin!, kind: r.kind })
  })
  return out
}

function loadContext(): MentionData['context'] {
  const file = 'name-context.tsv'
  const t = readTsv(file)
  const out = Object.fromEntries(CONTEXT_KINDS.map((k) => [k, new Set<string>()])) as MentionData['context']
  t.rows.forEach((r, i) => {
    const kind = r.kind as ContextKind
    if (!CONTEXT_KINDS.includes(kind)) fail(file, t.lines[i]!, `unknown kind "${r.kind}"`)
    if (!r.word) fail(file, t.lines[i]!, 'empty word')
    out[kind].add(r.word!)
  })
  return out
}

function loadCoref(): CorefWord[] {
  const file = 'coref-words.tsv'
  const t = readTsv(file)
  return t.rows.map((r, i) => {
    const line = t.lines[i]!
    const kind = r.kind as CorefKind
    if (!COREF_KINDS.includes(kind)) fail(file, line, `unknown kind "${r.kind}"`)
    if (!r.word) fail(file, line, 'empty word')
    const role = r.role === '-' ? null : r.role!
    if (kind === 'role-noun' && (!role || !/^(\*|([a-z]+|\*)\.[a-z]+(-[a-z]+)*)$/.test(role))) fail(file, line, `role "${r.role}" is not a role, *.<office> or *`)
    if (kind !== 'role-noun' && role) fail(file, line, 'only a role-noun has a role')
    const gender = r.gender === '-' ? null : r.gender
    if (gender !== null && gender !== 'male' && gender !== 'female') fail(file, line, `gender "${r.gender}" is not male, female or -`)
    if (kind !== 'pronoun' && gender) fail(file, line, 'only a pronoun has a gender')
    return { word: r.word!, kind, role, gender }
  })
}

function loadSurnames(): Set<string> {
  const file = 'chinese-surnames.tsv'
  const t = readTsv(file)
  const out = new Set<string>()
  t.rows.forEach((r, i) => {
    if (!/^\p{Script=Han}{1,2}$/u.test(r.surname ?? '')) fail(file, t.lines[i]!, `"${r.surname}" is not one or two Han characters`)
    out.add(r.surname!)
  })
  return out
}

let cached: MentionData | null = null

export function mentionData(): MentionData {
  cached ??= { translit: loadTranslit(), context: loadContext(), coref: loadCoref(), surnames: loadSurnames() }
  return cached
}

/** True for a character of a transliterated name, the name dot and the hyphen of double names (柯辛尼亚克-卡米兹). */
export function isNameChar(ch: string | undefined): boolean {
  return ch !== undefined && (ch === '·' || ch === '-' || mentionData().translit.has(ch))
}

export function isCoreTranslit(ch: string): boolean {
  return mentionData().translit.get(ch)?.kind === 'core'
}
