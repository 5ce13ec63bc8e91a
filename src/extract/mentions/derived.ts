// Indexes built from one lexicon (a trie of its aliases, its phonetic buckets), kept beside that lexicon value
// rather than in a module-level variable, so a user lexicon gets its own and the shipped one is built once.
import type { ActorLexicon } from './lexicon.js'

const caches = new WeakMap<ActorLexicon, Map<string, unknown>>()

export function derive<T>(lex: ActorLexicon, key: string, build: () => T): T {
  let m = caches.get(lex)
  if (!m) caches.set(lex, (m = new Map()))
  if (!m.has(key)) m.set(key, build())
  return m.get(key) as T
}
