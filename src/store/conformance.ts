// The behaviour every Store must show, whatever database is behind it. The SQLite tests call this with a fresh
// in-memory store per test; the PostgreSQL tests with an emptied schema per test (tests/helpers/postgres.ts).
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { Document } from '../core/document.js'
import { ParleyError } from '../core/errors.js'
import { FEED_BYTES, makeDoc, matchOf, using, wikiDoc, type OpenStore } from './conformance-fixtures.js'
import { runsConformance } from './conformance-runs.js'
import { feedsConformance } from './conformance-feeds.js'
import { extractionsConformance } from './conformance-extractions.js'
import type { Store } from './store.js'

export function storeConformance(name: string, open: OpenStore): void {
  describe(`store conformance: ${name}`, () => {
    documents(open)
    search(open)
    replace(open)
    runsConformance(open)
    feedsConformance(open)
    extractionsConformance(open)
  })
}

function documents(open: OpenStore): void {
  test('a new document is stored and counted', using(open, (s) => {
    const doc = makeDoc()
    assert.deepEqual(s.putDocument(doc, { bytes: FEED_BYTES }, matchOf(doc)), { status: 'new', id: doc.id })
    assert.equal(s.countDocuments(), 1)
  }))

  test('the same document again is known and adds nothing', using(open, (s) => {
    const doc = makeDoc()
    s.putDocument(doc, { bytes: FEED_BYTES }, matchOf(doc))
    assert.deepEqual(s.putDocument(doc, { bytes: FEED_BYTES }, matchOf(doc)), { status: 'known', id: doc.id })
    assert.equal(s.countDocuments(), 1)
    assert.equal(s.listOrigins(doc.id).length, 1)
    const { doc: wiki, match, bytes } = wikiDoc() // part is null: seen twice at (origin, null) is still one sighting
    s.putDocument(wiki, { bytes }, match)
    s.putDocument(wiki, { bytes }, match)
    assert.equal(s.listOrigins(wiki.id).length, 1)
  }))

  test('the same article from another file is known, and where it was seen is recorded', using(open, (s) => {
    const doc = makeDoc()
    const again = { ...doc, origin: 'feeds/cctv.xml', part: 'guid-77' }
    s.putDocument(doc, { bytes: FEED_BYTES }, matchOf(doc))
    assert.deepEqual(s.putDocument(again, { bytes: new Uint8Array([1]) }, matchOf(again)), { status: 'known', id: doc.id })
    assert.equal(s.countDocuments(), 1)
    assert.deepEqual(
      s.listOrigins(doc.id).map((o) => [o.origin, o.part]),
      [['feeds/xinhua.xml', 'item-1'], ['feeds/cctv.xml', 'guid-77']],
    )
    assert.equal(s.getDocument(doc.id)?.origin, 'feeds/xinhua.xml', 'the first reading stays the document')
    assert.deepEqual(s.listOrigins('no-such-id'), [])
  }))

  test('getDocument gives back an equal, valid document, references included', using(open, (s) => {
    const { doc: wiki, match, bytes } = wikiDoc()
    const plain = makeDoc()
    s.putDocument(wiki, { bytes }, match)
    s.putDocument(plain, { bytes: FEED_BYTES }, matchOf(plain))
    for (const doc of [wiki, plain]) {
      const got = s.getDocument(doc.id)
      assert.deepEqual(got, doc)
      assert.deepEqual(Document.parse(got), doc)
    }
    assert.equal(s.getDocument('0000000000000000'), null)
  }))

  test('getDocument takes a unique id prefix of four or more characters; an ambiguous one lists the ids', using(open, (s) => {
    const a = makeDoc({ id: 'abcdef01aaaa', text: '甲' })
    const b = makeDoc({ id: 'abcdef02bbbb', text: '乙' })
    s.putDocument(a, { bytes: FEED_BYTES }, matchOf(a))
    s.putDocument(b, { bytes: FEED_BYTES }, matchOf(b))
    assert.equal(s.getDocument('abcdef01')?.id, a.id)
    assert.equal(s.getDocument('abcdef02b')?.text, '乙')
    assert.throws(() => s.getDocument('abcdef0'), (e) => e instanceof ParleyError && /abcdef0: .*more than one.*abcdef01aaaa, abcdef02bbbb/.test(e.message))
    assert.throws(() => s.getDocument('abcd'), /more than one/, 'four characters are enough to be looked up')
    assert.equal(s.getDocument('abc'), null, 'three characters are not enough')
    assert.equal(s.getDocument('ABCDEF01'), null, 'ids are compared exactly')
  }))

  test('getRaw returns the exact bytes and how they were read', using(open, (s) => {
    const { doc, match, bytes } = wikiDoc()
    s.putDocument(doc, { bytes }, match)
    const item2 = makeDoc({ id: 'second-item-0001', part: 'item-2', text: '泽连斯基' })
    s.putDocument(makeDoc(), { bytes: FEED_BYTES }, matchOf(makeDoc()))
    s.putDocument(item2, { bytes: FEED_BYTES }, matchOf(item2))
    assert.deepEqual(s.getRaw(doc.id), { bytes, origin: doc.origin, part: null, format: 'wiki', encoding: 'big5' })
    assert.deepEqual(s.getRaw(item2.id)?.bytes, FEED_BYTES)
    assert.equal(s.getRaw(makeDoc().id)?.part, 'item-1')
    assert.equal(s.getRaw('nothing-here'), null)
  }))

  test('listDocuments: newest first, undated last, filtered and paged', using(open, (s) => {
    const a = makeDoc() // 2025-02-12T15:30Z
    const b = makeDoc({ id: 'bbbbbbbb', text: '乙', published: { at: '2025-02-18', precision: 'day', source: 'meta-tag', raw: null } })
    const d = makeDoc({ id: 'dddddddd', text: '丁', format: 'html', published: { at: '2025-03', precision: 'month', source: 'text-pattern', raw: '2025年3月' } })
    const { doc: c, match, bytes } = wikiDoc() // undated
    for (const x of [a, b, d]) s.putDocument(x, { bytes: FEED_BYTES }, matchOf(x))
    s.putDocument(c, { bytes }, match)
    const ids = (o?: Parameters<Store['listDocuments']>[0]): string[] => s.listDocuments(o).map((x) => x.id)
    assert.deepEqual(ids(), [d.id, b.id, a.id, c.id])
    assert.deepEqual(ids({ since: '2025-02-15' }), [d.id, b.id])
    assert.deepEqual(ids({ until: '2025-02-12' }), [a.id], 'until keeps the whole day it names')
    assert.deepEqual(ids({ since: '2025-02-01', until: '2025-02-28' }), [b.id, a.id])
    assert.deepEqual(ids({ format: 'wiki' }), [c.id])
    assert.deepEqual(ids({ limit: 2, offset: 1 }), [b.id, a.id])
    const [summary] = s.listDocuments({ format: 'wiki' })
    assert.deepEqual({ ...summary, ingestedAt: undefined }, {
      id: c.id, origin: c.origin, part: null, format: 'wiki', title: c.title, published: c.published,
      script: 'traditional', chars: [...c.text].length, ingestedAt: undefined,
    })
    assert.match(summary?.ingestedAt ?? '', /^\d{4}-\d\d-\d\dT/)
    assert.throws(() => s.listDocuments({ limit: 0 }), ParleyError)
  }))

  test('transaction rolls back everything in it; a nested one only itself', using(open, (s) => {
    const a = makeDoc()
    const b = makeDoc({ id: 'bbbbbbbb', text: '乙' })
    assert.throws(() => s.transaction(() => {
      s.putDocument(a, { bytes: FEED_BYTES }, matchOf(a))
      throw new Error('stop')
    }), /stop/)
    assert.equal(s.countDocuments(), 0)
    s.transaction(() => {
      s.putDocument(a, { bytes: FEED_BYTES }, matchOf(a))
      assert.throws(() => s.transaction(() => {
        s.putDocument(b, { bytes: FEED_BYTES }, matchOf(b))
        throw new Error('inner')
      }))
    })
    assert.deepEqual(s.listDocuments().map((x) => x.id), [a.id])
  }))
}

function search(open: OpenStore): void {
  // A: 普京 and 特朗普 in title and text; E: each only once, in the text; W: a traditional-script wiki copy.
  const a = makeDoc()
  const e = makeDoc({ id: 'eeeeeeee', title: '泽连斯基访问华盛顿', text: '泽连斯基说，普京和特朗普的通话没有乌克兰参与。' })
  const { doc: w, match: wMatch, bytes } = wikiDoc()
  const load = (s: Store): void => {
    s.putDocument(a, { bytes: FEED_BYTES }, matchOf(a))
    s.putDocument(e, { bytes: FEED_BYTES }, matchOf(e))
    s.putDocument(w, { bytes }, wMatch)
  }
  const ids = (s: Store, q: string): string[] => s.search(q).map((h) => h.id)

  test('search finds a word of three or more characters, best match first, with a marked snippet', using(open, (s) => {
    load(s)
    const hits = s.search('特朗普')
    assert.deepEqual(hits.map((h) => h.id), [a.id, e.id])
    assert.equal(hits[0]?.title, a.title)
    assert.deepEqual(hits[0]?.published, a.published)
    assert.match(hits[0]?.snippet ?? '', /«特朗普»/)
    assert.match(hits[1]?.snippet ?? '', /普京和«特朗普»的通话/)
  }))

  test('search finds a two-character word, with a marked snippet', using(open, (s) => {
    load(s)
    assert.deepEqual(ids(s, '普京'), [a.id, e.id])
    const [hit] = s.search('停火')
    assert.equal(hit?.id, a.id)
    assert.match(hit?.snippet ?? '', /乌克兰«停火»问题/)
    assert.doesNotMatch(hit?.snippet ?? '', /\n/)
  }))

  test('search runs over the matching view, not the original text', using(open, (s) => {
    load(s)
    assert.deepEqual(ids(s, '泽连斯基表示'), [w.id])
    assert.deepEqual(ids(s, '澤倫斯基'), [], 'the caller folds queries to simplified script')
    assert.deepEqual(ids(s, 'rubio'), [w.id], 'Latin letters match regardless of case')
  }))

  test('search requires every term', using(open, (s) => {
    load(s)
    assert.deepEqual(new Set(ids(s, '乌克兰')), new Set([a.id, e.id, w.id]))
    assert.deepEqual(ids(s, '乌克兰 停火'), [a.id])
    assert.deepEqual(ids(s, '乌克兰 沙特阿拉伯'), [a.id])
    assert.deepEqual(ids(s, '普京 卢比奥'), [])
  }))

  test('search for something absent finds nothing; odd queries are text, not syntax', using(open, (s) => {
    load(s)
    assert.deepEqual(ids(s, '北约峰会'), [])
    assert.deepEqual(ids(s, '北约'), [])
    assert.deepEqual(ids(s, '   '), [])
    for (const q of ['"特朗普', 'NEAR(特朗普', '特朗普*', 'x OR y', '^普京', '%', '_']) {
      assert.deepEqual(ids(s, q), [], q)
    }
    assert.equal(s.search('乌克兰', { limit: 1 }).length, 1)
  }))
}

function replace(open: OpenStore): void {
  const a = makeDoc()
  const a2 = makeDoc({ id: 'a2a2a2a2a2a2', text: a.text.replace('停火', '停战') })
  const store = (s: Store): void => {
    s.putDocument(a, { bytes: FEED_BYTES }, matchOf(a))
    s.putDocument({ ...a, origin: 'feeds/cctv.xml', part: null }, { bytes: FEED_BYTES }, matchOf(a))
  }

  test('replaceDocument swaps in the new reading, keeping raw bytes and sightings', using(open, (s) => {
    store(s)
    assert.deepEqual(s.replaceDocument(a.id, a2, matchOf(a2)), { status: 'new', id: a2.id })
    assert.equal(s.getDocument(a.id), null)
    assert.deepEqual(s.getDocument(a2.id), a2)
    assert.deepEqual(s.getRaw(a2.id)?.bytes, FEED_BYTES)
    assert.deepEqual(s.listOrigins(a2.id).map((o) => o.origin), ['feeds/xinhua.xml', 'feeds/cctv.xml'])
    assert.deepEqual(s.search('停火'), [])
    assert.deepEqual(s.search('停战').map((h) => h.id), [a2.id])
    assert.equal(s.countDocuments(), 1)
  }))

  test('replaceDocument with an unchanged id updates in place', using(open, (s) => {
    store(s)
    const same = { ...a2, id: a.id, title: '普京与特朗普通话' }
    assert.deepEqual(s.replaceDocument(a.id, same, matchOf(same)), { status: 'known', id: a.id })
    assert.deepEqual(s.getDocument(a.id), same)
    assert.deepEqual(s.search('停战').map((h) => h.id), [a.id])
    assert.deepEqual(s.search('停火'), [])
  }))

  test('replaceDocument onto a document already stored merges the two', using(open, (s) => {
    const b = makeDoc({ id: 'bbbbbbbb', origin: 'b.html', part: null, text: '乙' })
    store(s)
    s.putDocument(b, { bytes: new Uint8Array([9]) }, matchOf(b))
    assert.deepEqual(s.replaceDocument(b.id, { ...a, origin: 'b.html', part: null }, matchOf(a)), { status: 'known', id: a.id })
    assert.equal(s.countDocuments(), 1)
    assert.equal(s.getDocument(b.id), null)
    assert.deepEqual(s.listOrigins(a.id).map((o) => o.origin), ['feeds/xinhua.xml', 'feeds/cctv.xml', 'b.html'])
    assert.deepEqual(s.search('乙'), [])
  }))

  test('a failure inside replaceDocument leaves the old document whole', using(open, (s) => {
    store(s)
    const ref = wikiDoc().doc.references[0]
    assert.ok(ref)
    const clash = { ...a2, references: [ref, ref] } // reference numbers must be unique: the second insert fails
    assert.throws(() => s.replaceDocument(a.id, clash, matchOf(clash)), (e) => e instanceof ParleyError && e.message.includes(a2.id))
    assert.throws(() => s.transaction(() => {
      s.replaceDocument(a.id, a2, matchOf(a2))
      throw new Error('later step failed')
    }), /later step failed/)
    assert.deepEqual(s.getDocument(a.id), a)
    assert.equal(s.getDocument(a2.id), null)
    assert.equal(s.listOrigins(a.id).length, 2)
    assert.deepEqual(s.search('停火').map((h) => h.id), [a.id])
    assert.deepEqual(s.search('停战'), [])
  }))

  test('replaceDocument of an id not stored throws naming it', using(open, (s) => {
    assert.throws(() => s.replaceDocument('missing-id', a2, matchOf(a2)), /store: missing-id: no such document/)
    assert.equal(s.countDocuments(), 0)
  }))
}
