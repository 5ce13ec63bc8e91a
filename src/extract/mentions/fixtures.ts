// Documents for the mention tests: a text, its sentences and a publication day, as normalize would give them.
import type { Document } from '../../core/index.js'
import { detectScript } from '../../normalize/script.js'
import { splitSentences } from '../../normalize/sentences.js'

export function docOf(text: string, day: string | null = null): Document {
  return {
    id: `test-${text.length}`,
    origin: 'test.txt',
    part: null,
    format: 'text',
    url: null,
    outlet: null,
    lang: 'zh',
    title: text.slice(0, 20),
    published: day ? { at: day, precision: 'day', source: 'user', raw: day } : { at: null, precision: 'unknown', source: 'none', raw: null },
    script: detectScript(text),
    text,
    sentences: splitSentences(text),
    references: [],
    encoding: 'utf-8',
  }
}
