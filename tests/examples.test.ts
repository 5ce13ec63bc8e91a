// The shipped sample articles (examples/) read right: container, encoding, script, titles, dates and clean
// text. examples/EXPECTED.json was written by hand with the articles, not produced by parley.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot } from './helpers/shared.js'
import { readDocuments } from './helpers/pipeline.js'

interface Expected {
  format: string
  encoding: string
  script: string
  documents: number
  items: { title: string; published: string; precision: string; mustContain: string[]; mustNotContain: string[] }[]
}

const expected = JSON.parse(readFileSync(join(projectRoot, 'examples', 'EXPECTED.json'), 'utf8')) as Record<string, Expected>

for (const [file, want] of Object.entries(expected)) {
  test(`examples/${file}`, () => {
    const path = join(projectRoot, 'examples', file)
    const sidecar = (() => {
      try {
        return JSON.parse(readFileSync(path + '.meta.json', 'utf8')) as { published?: string }
      } catch {
        return undefined
      }
    })()
    const docs = readDocuments(path, { sidecar })
    assert.equal(docs.length, want.documents)
    for (const item of want.items) {
      const doc = docs.find((d) => d.title === item.title)
      assert.ok(doc, `no document titled ${item.title}; got ${docs.map((d) => d.title).join(' | ')}`)
      assert.equal(doc.format, want.format)
      assert.equal(doc.encoding, want.encoding)
      assert.equal(doc.script, want.script)
      assert.equal(doc.published.at, item.published)
      assert.equal(doc.published.precision, item.precision)
      for (const s of item.mustContain) assert.ok(doc.text.includes(s), `text lacks "${s}"`)
      for (const s of item.mustNotContain) assert.ok(!doc.text.includes(s), `text still holds "${s}"`)
    }
  })
}
