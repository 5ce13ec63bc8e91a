// Simplified or traditional? Count the characters that exist only in one script: a character that OpenCC
// changes when going traditional -> simplified is a traditional form, and one it changes going
// simplified -> traditional is a simplified form. Most characters are shared and count for neither.
import * as OpenCC from 'opencc-js'
import type { Script } from '../core/index.js'

let t2s: ((s: string) => string) | null = null
let s2t: ((s: string) => string) | null = null

export interface ScriptCounts {
  traditional: number
  simplified: number
}

export function scriptCounts(text: string): ScriptCounts {
  const toS = (t2s ??= OpenCC.Converter({ from: 't', to: 'cn' }))
  const toT = (s2t ??= OpenCC.Converter({ from: 'cn', to: 't' }))
  let traditional = 0
  let simplified = 0
  for (const ch of text) {
    if (ch < '\u3400') continue
    if (toS(ch) !== ch) traditional++
    else if (toT(ch) !== ch) simplified++
  }
  return { traditional, simplified }
}

/**
 * The script a text is written in. Copies of web pages mix in the site's own words (a traditional Wikipedia
 * article keeps the simplified "维基百科，自由的百科全书" line), so the larger count wins, and a text with
 * no distinctive characters at all is `unknown`.
 */
export function detectScript(text: string): Script {
  const { traditional, simplified } = scriptCounts(text)
  if (traditional === 0 && simplified === 0) return 'unknown'
  return traditional > simplified ? 'traditional' : 'simplified'
}
