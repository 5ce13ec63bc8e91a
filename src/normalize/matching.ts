// The matching view: a simplified-script, width-folded copy of a document's text that later stages match
// lexicons and patterns against, so one lexicon entry (乌克兰) finds every spelling (烏克蘭, ｕｓａ/usa …).
//
// The view is index-aligned with the original: same length in UTF-16 units, character i of the view comes
// from character i of the original. A span found in the view is therefore the same span in the original, and
// the offset map back (toOriginal) is the identity. We keep it that way by construction: OpenCC converts a
// run by phrases where that keeps the run's length, and character by character where it would not, and a
// character whose conversion would change its length is left as it is.
import * as OpenCC from 'opencc-js'

type Convert = (s: string) => string

let converters: Convert[] | null = null
function toSimplified(): Convert[] {
  // Taiwan and Hong Kong variant characters first fold to OpenCC's standard forms, then to mainland simplified.
  converters ??= [OpenCC.Converter({ from: 'tw', to: 'cn' }), OpenCC.Converter({ from: 'hk', to: 'cn' })]
  return converters
}

function convertAligned(run: string): string {
  let out = run
  for (const c of toSimplified()) out = c(out)
  if (out.length === run.length) return out
  // Phrase conversion changed the length: fall back to one character at a time.
  let aligned = ''
  for (const ch of run) {
    let conv = ch
    for (const c of toSimplified()) conv = c(conv)
    aligned += conv.length === ch.length ? conv : ch
  }
  return aligned
}

/**
 * Full-width ASCII forms (ＡＢＣ，１２３！) and the ideographic space fold to their half-width twins, and the
 * dots that separate the parts of a transliterated name (唐纳德·特朗普, 當勞‧特朗普, 唐納德•川普, ・) to one "·".
 */
export function foldWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000\u2027\u2022\u30FB\uFF65\u2219\u22C5]/g, (ch) => {
    if (ch === '\u3000') return ' '
    if (ch >= '\uFF01' && ch <= '\uFF5E') return String.fromCharCode(ch.charCodeAt(0) - 0xfee0)
    return '\u00B7'
  })
}

export interface MatchingView {
  /** Simplified, width-folded text of the same length as the original. */
  readonly text: string
  /** Offset in the original text of offset `i` of the view. */
  toOriginal(i: number): number
}

/** Builds the matching view of a text. Runs are converted line by line to keep phrase context local. */
export function matchingView(original: string): MatchingView {
  const lines = original.split('\n')
  const text = lines.map((l) => foldWidth(convertAligned(l))).join('\n')
  if (text.length !== original.length) {
    // Cannot happen by construction; a loud failure beats spans that point at the wrong characters.
    throw new Error(`normalize: matching view changed the text length (${original.length} -> ${text.length})`)
  }
  return { text, toOriginal: (i) => i }
}

/** The matching form of a short string (a query, a lexicon alias). */
export function matchingForm(s: string): string {
  return matchingView(s).text
}
