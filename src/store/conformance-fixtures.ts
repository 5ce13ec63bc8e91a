// Documents for the store conformance suite. Ids are chosen by hand: the store treats them as opaque strings.
import type { Document } from '../core/document.js'
import type { MatchView, Store } from './store.js'

const enc = new TextEncoder()

export const FEED_BYTES = enc.encode(
  '<?xml version="1.0" encoding="utf-8"?><rss><channel><item>普京</item><item>泽连斯基</item></channel></rss>',
)

export function makeDoc(over: Partial<Document> = {}): Document {
  return {
    id: 'a1b2c3d4e5f60718',
    origin: 'feeds/xinhua.xml',
    part: 'item-1',
    format: 'rss',
    url: 'https://example.cn/2025/0212/a.html',
    outlet: '新华社',
    lang: 'zh',
    title: '普京与特朗普通电话',
    published: { at: '2025-02-12T15:30Z', precision: 'minute', source: 'feed', raw: 'Wed, 12 Feb 2025 15:30:00 GMT' },
    script: 'simplified',
    text: '俄罗斯总统普京12日与美国总统特朗普通电话。\n\n双方讨论了乌克兰停火问题，并同意在沙特阿拉伯举行会晤。',
    sentences: [
      { start: 0, end: 22 },
      { start: 24, end: 51 },
    ],
    references: [],
    encoding: 'utf-8',
    ...over,
  }
}

/** A traditional-script Wikipedia copy with references; its matching view is simplified, its text is not. */
export function wikiDoc(): { doc: Document; match: MatchView; bytes: Uint8Array } {
  const doc = makeDoc({
    id: 'ff00ee11dd22cc33',
    origin: 'wiki/俄烏和談.txt',
    part: null,
    format: 'wiki',
    url: null,
    outlet: '維基百科',
    lang: 'zh-Hant',
    title: '俄烏和談',
    published: { at: null, precision: 'unknown', source: 'none', raw: null },
    script: 'traditional',
    text: '澤倫斯基表示，烏克蘭不會接受任何割讓領土的協議。[1]\n\n美國國務卿盧比奧(Marco Rubio)稱談判取得進展。[2]',
    sentences: [
      { start: 0, end: 26 },
      { start: 29, end: 58 },
    ],
    references: [
      {
        n: 1,
        outlet: '路透社',
        title: 'Zelensky rejects territorial concessions',
        date: '2025-02-20',
        accessed: '2025-02-21',
        language: 'en',
        url: 'https://example.com/reuters/1',
        raw: '^ Zelensky rejects territorial concessions. 路透社. 2025-02-20 [2025-02-21] (英语).',
      },
      {
        n: 2,
        outlet: null,
        title: '盧比奧：談判取得進展',
        date: null,
        accessed: null,
        language: null,
        url: null,
        raw: '^ 盧比奧：談判取得進展.',
      },
    ],
    encoding: 'big5',
  })
  const match = {
    title: '俄乌和谈',
    text: '泽连斯基表示，乌克兰不会接受任何割让领土的协议。[1]\n\n美国国务卿卢比奥(Marco Rubio)称谈判取得进展。[2]',
  }
  return { doc, match, bytes: Uint8Array.from([0xaa, 0x40, 0xbf, 0xcf, 0x00, 0xff, 0x0a]) }
}

/** The matching view of an already simplified document is its own title and text. */
export const matchOf = (doc: Document): MatchView => ({ title: doc.title, text: doc.text })

export const sha = (c: string): string => c.repeat(64).slice(0, 64)

export type OpenStore = () => Store

/** Runs fn on a fresh store and closes it, whether fn passes or throws. */
export function using(open: OpenStore, fn: (s: Store) => void): () => void {
  return () => {
    const s = open()
    try {
      fn(s)
    } finally {
      s.close()
    }
  }
}
