// A character trie for longest-match lookup of lexicon forms in a matching view. Written here rather than jieba
// with a user dictionary because jieba may cut an alias in two or glue it to a neighbour (兰德/霍尔姆, 拉克12日), while
// a trie finds every listed form exactly where it is and reports all matches at a position, longest first.
interface Node<V> {
  next: Map<string, Node<V>>
  values: V[]
}

export interface TrieMatch<V> {
  end: number
  values: V[]
}

export class Trie<V> {
  private readonly root: Node<V> = { next: new Map(), values: [] }

  add(key: string, value: V): void {
    if (!key) return
    let node = this.root
    for (const ch of key) {
      let n = node.next.get(ch)
      if (!n) {
        n = { next: new Map(), values: [] }
        node.next.set(ch, n)
      }
      node = n
    }
    node.values.push(value)
  }

  /** Every key that starts at `start` in `text`, longest first. Keys are walked by UTF-16 code points. */
  matchesAt(text: string, start: number): TrieMatch<V>[] {
    const out: TrieMatch<V>[] = []
    let node: Node<V> | undefined = this.root
    let i = start
    while (node && i < text.length) {
      const cp = text.codePointAt(i)!
      const ch = String.fromCodePoint(cp)
      node = node.next.get(ch)
      if (!node) break
      i += ch.length
      if (node.values.length) out.push({ end: i, values: node.values })
    }
    return out.reverse()
  }
}
