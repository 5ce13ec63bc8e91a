// Words of the matching view from jieba, with their offsets: used to keep a one-character country form or a short
// surname from matching inside a longer word (美元, 这里加上), and to end a name where jieba starts an ordinary word
// (法国外长巴罗多次表示: 巴罗 / 多次). jieba loads on first use.
import { on } from '../switches.js'
import { jieba } from '../jieba.js'
import { isCoreTranslit, isNameChar, mentionData } from './data.js'

export interface Word {
  start: number
  end: number
  tag: string
}


export class Words {
  readonly list: Word[] = []
  /** Index into `list` of the word covering each offset. */
  private readonly at: Int32Array

  constructor(readonly text: string) {
    this.at = new Int32Array(text.length).fill(-1)
    let offset = 0
    for (const line of text.split('\n')) {
      this.addLine(line, offset)
      offset += line.length + 1
    }
  }

  private addLine(line: string, offset: number): void {
    if (!line) return
    const tagged = jieba().tag(line, true)
    // jieba gives back the line cut into pieces; if it ever does not, fall back to one word per character.
    const pieces = tagged.map((t) => t.word).join('') === line ? tagged : [...line].map((ch) => ({ word: ch, tag: 'x' }))
    let i = offset
    for (const p of pieces) {
      const w = { start: i, end: i + p.word.length, tag: p.tag }
      for (let k = w.start; k < w.end; k++) this.at[k] = this.list.length
      this.list.push(w)
      i = w.end
    }
  }

  wordAt(i: number): Word | null {
    const k = this.at[i]
    return k === undefined || k < 0 ? null : this.list[k]!
  }

  /** True when no word crosses `i`: a word starts or ends there. */
  boundary(i: number): boolean {
    if (i <= 0 || i >= this.text.length) return true
    const w = this.wordAt(i)
    return !w || w.start === i
  }

  /** The word right after offset i (the one starting at i), or null. */
  startingAt(i: number): Word | null {
    const w = this.wordAt(i)
    return w && w.start === i ? w : null
  }

  /**
   * A transliterated name starting at `start`: whole words made only of transliteration characters, name dots and
   * hyphens, joined while they last. 巴罗多次表示 -> 巴罗 (多次 has 次); 兰德霍尔姆在 -> 兰德霍尔姆.
   */
  nameRunFrom(start: number, max = 20): number {
    let end = start
    while (end < this.text.length && end - start < max) {
      const w = this.wordAt(end)
      if (!w) break
      const from = Math.max(w.start, end)
      const piece = this.text.slice(from, w.end)
      // A time word made of name characters (当日, 先前, 日前) ends the name: 梅金斯基当日向媒体表示.
      if (on('mention.time-word') && end > start && w.start === end && w.tag === 't' && w.end - w.start >= 2) break
      if (![...piece].every((ch) => isNameChar(ch))) {
        // jieba glued the name's last characters to the next word (霍尔/默在): keep them when what follows them
        // starts the words after a name.
        let k = 0
        while (k < piece.length && isNameChar(piece[k])) k++
        if (k > 0 && mentionData().context['name-end'].has(piece[k]!)) end = from + k
        break
      }
      end = w.end
    }
    return end
  }

  /** The start of a transliterated name ending at `end`, by whole words going back (mirror of nameRunFrom). */
  nameRunTo(end: number, max = 20): number {
    let start = end
    while (start > 0 && end - start < max) {
      const w = this.wordAt(start - 1)
      if (!w) break
      const piece = this.text.slice(w.start, Math.min(w.end, start))
      if (![...piece].every((ch) => isNameChar(ch))) break
      start = w.start
    }
    return start
  }

  /**
   * Whether a run of name characters reads as a name rather than an ordinary word made of the same characters
   * (国务卿特别…, 森林): it has a name dot or a character rare outside names, or jieba knows none of its words
   * of two or more characters as anything but a name.
   */
  looksLikeName(start: number, end: number): boolean {
    const s = this.text.slice(start, end)
    if (s.includes('·') || [...s].some(isCoreTranslit)) return true
    for (let i = start; i < end; ) {
      const w = this.wordAt(i)
      if (!w) return false
      if (w.end - w.start >= 2 && !/^(nr|x|eng)/.test(w.tag)) return false
      i = w.end
    }
    return true
  }
}
