// jieba (through @node-rs/jieba) with its bundled dictionary, loaded once, on first use: most calls never need
// it, and loading the dictionary costs a few hundred milliseconds. Shared by every extract stage that needs
// words or parts of speech.
import { createRequire } from 'node:module'

export interface Tagger {
  tag(sentence: string, hmm?: boolean): Array<{ word: string; tag: string }>
}

let tagger: Tagger | null = null

export function jieba(): Tagger {
  if (!tagger) {
    const require = createRequire(import.meta.url)
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba')
    const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array }
    tagger = Jieba.withDict(dict)
  }
  return tagger
}
