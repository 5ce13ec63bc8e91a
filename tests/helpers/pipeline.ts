// Reads a file through the real ingest and normalize stages, as `parley ingest` does, without a database.
import { readFileSync } from 'node:fs'
import { readInput } from '../../src/ingest/read.js'
import { normalize, type Statements } from '../../src/normalize/index.js'
import type { Document } from '../../src/core/index.js'

export function readDocuments(path: string, statements: Statements = {}): Document[] {
  const read = readInput({ origin: path, bytes: new Uint8Array(readFileSync(path)) })
  if (!read.ok) throw read.error
  return read.value.docs.map((raw) => {
    const doc = normalize(raw, statements)
    if (!doc.ok) throw doc.error
    return doc.value
  })
}

export function readOne(path: string, statements: Statements = {}): Document {
  const docs = readDocuments(path, statements)
  if (docs.length !== 1) throw new Error(`${path}: expected one document, got ${docs.length}`)
  return docs[0]!
}
