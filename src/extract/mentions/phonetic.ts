// A transliteration close in sound to a known alias (toneless pinyin), confirmed by its country or role in
// context: 乌克兰领导人泽林斯基 -> Volodymyr Zelenskyy (泽连斯基), 俄罗斯官员佩斯可夫 -> Dmitry Peskov.
// The known aliases are indexed by the syllable count and the first sound of their surname (and of the whole
// form), so a name is compared only with the few aliases of about its length that start like it, not with all.
import { derive } from './derived.js'
import type { Actor, ActorLexicon } from './lexicon.js'
import { pinyinDistance, syllables } from './phonetics.js'

interface Known {
  actor: Actor
  /** The alias in matching form, and its last part (the surname of a full name). */
  whole: string
  last: string
  first: string | null
}

interface Index {
  buckets: Map<string, Known[]>
  byActor: Map<string, Known[]>
}

/** The sound class of a syllable's start: letters transliteration confuses share one (b/p, d/t, g/k/h, s/z/sh/j…). */
function firstClass(s: string): string {
  const ch = syllables(s)[0]?.[0] ?? ''
  if ('bp'.includes(ch)) return 'P'
  if ('dt'.includes(ch)) return 'T'
  if ('gkh'.includes(ch)) return 'K'
  if ('zcsjqx'.includes(ch)) return 'S'
  if ('lrn'.includes(ch)) return 'L'
  if ('fw'.includes(ch)) return 'F'
  if ('aeiouyv'.includes(ch)) return 'A'
  return ch
}

const bucketKey = (s: string) => `${syllables(s).length}:${firstClass(s)}`

function index(lex: ActorLexicon): Index {
  return derive(lex, 'phonetic', () => {
    const buckets = new Map<string, Known[]>()
    const byActor = new Map<string, Known[]>()
    const put = (m: Map<string, Known[]>, k: string, v: Known) => {
      const list = m.get(k)
      if (list) {
        if (list[list.length - 1] !== v) list.push(v)
      } else m.set(k, [v])
    }
    for (const a of lex.aliases) {
      const actor = lex.actors.get(a.actor)!
      if (actor.type !== 'person' || a.flags.has('short') || a.flags.has('ambiguous') || !/\p{Script=Han}/u.test(a.match)) continue
      const parts = a.match.split('·')
      const k: Known = { actor, whole: a.match, last: parts[parts.length - 1]!, first: parts.length > 1 ? parts[0]! : null }
      put(buckets, bucketKey(k.last), k)
      put(buckets, bucketKey(k.whole.replace(/·/g, '')), k)
      put(byActor, actor.id, k)
    }
    return { buckets, byActor }
  })
}

/** The known aliases a name could be within the limit: same first sound, syllable count within one. */
function candidates(lex: ActorLexicon, name: string): Set<Known> {
  const idx = index(lex)
  const out = new Set<Known>()
  const forms = [name.split('·').pop()!, name.replace(/·/g, '')]
  for (const f of forms) {
    const n = syllables(f).length
    const c = firstClass(f)
    for (const m of [n - 1, n, n + 1]) for (const k of idx.buckets.get(`${m}:${c}`) ?? []) out.add(k)
  }
  return out
}

/** How close the written name is to one known alias, 0..1; surnames and given names compared part for part. */
function distance(name: string, k: Known): number {
  const parts = name.split('·')
  const last = parts[parts.length - 1]!
  const first = parts.length > 1 ? parts[0]! : null
  if (first && k.first) return Math.max(pinyinDistance(last, k.last), pinyinDistance(first, k.first))
  if (first) return pinyinDistance(last, k.last)
  return Math.min(pinyinDistance(name, k.whole), pinyinDistance(name, k.last))
}

/** The most an unknown spelling may differ from a known one: a syllable in five for long names, identical sound for two-syllable ones. */
function limit(name: string): number {
  const n = syllables(name.split('·').pop()!).length
  return n <= 2 ? 0 : 0.2
}

/**
 * The known person whose alias the name sounds like, when exactly one does and `confirms` accepts it (the
 * actor's country is named nearby, or the title before the name is the actor's role).
 */
export function soundsLike(lex: ActorLexicon, name: string, confirms: (a: Actor) => boolean): Actor | null {
  const max = limit(name)
  const hits = new Map<string, { actor: Actor; d: number }>()
  for (const k of candidates(lex, name)) {
    const d = distance(name, k)
    if (d > max) continue
    const prev = hits.get(k.actor.id)
    if (!prev || d < prev.d) hits.set(k.actor.id, { actor: k.actor, d })
  }
  const ok = [...hits.values()].filter((h) => confirms(h.actor)).sort((a, b) => a.d - b.d)
  if (!ok.length) return null
  if (ok.length > 1 && ok[1]!.d === ok[0]!.d) return null
  return ok[0]!.actor
}

/** How close the name is to any alias of the actor (for a title's holder), 0..1. */
export function distanceToActor(lex: ActorLexicon, name: string, actorId: string): number {
  let best = 1
  for (const k of index(lex).byActor.get(actorId) ?? []) best = Math.min(best, distance(name, k))
  // Short aliases count here too: the title already names the role, so 沃兹 after 国家安全顾问 is Waltz.
  for (const a of lex.aliasesOf.get(actorId) ?? []) if (a.flags.has('short')) best = Math.min(best, pinyinDistance(name, a.match))
  return best
}
