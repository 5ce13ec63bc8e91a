// Lexicons are data: sorted UTF-8 TSV files under lexicon/ at the project root, reviewed like code.
// Lines starting with # are comments; the first non-comment line is the header.
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

// src/lexicon/load.ts and dist/lexicon/load.js both sit two levels below the project root.
const LEXICON_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'lexicon')

export function lexiconPath(name: string): string {
  return join(LEXICON_DIR, name)
}

/** The shipped lexicon folder. */
export const SHIPPED_LEXICON = LEXICON_DIR

export interface Tsv {
  header: string[]
  rows: Record<string, string>[]
  /** 1-based line numbers of the rows, for error messages. */
  lines: number[]
}

export function readTsv(name: string): Tsv {
  return readTsvFile(lexiconPath(name), name)
}

/** A TSV file anywhere (a user lexicon); `label` names it in error messages. */
export function readTsvFile(path: string, label: string): Tsv {
  const name = label
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
  let header: string[] | null = null
  const rows: Record<string, string>[] = []
  const lines: number[] = []
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '')
    if (!line.trim() || line.startsWith('#')) return
    const cells = line.split('\t')
    if (!header) {
      header = cells
      return
    }
    if (cells.length !== header.length) {
      throw new Error(`lexicon: ${name}:${i + 1}: ${cells.length} columns, the header has ${header.length}`)
    }
    const h = header
    rows.push(Object.fromEntries(cells.map((c, k) => [h[k]!, c])))
    lines.push(i + 1)
  })
  if (!header) throw new Error(`lexicon: ${name}: no header line`)
  return { header, rows, lines }
}
