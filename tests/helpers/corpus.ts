// A real database for the server and browser tests and the screenshots: the shipped examples, the seeds when
// ../shared is there, and the hostile page, ingested by the same pipeline `parley ingest` runs.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ingest } from '../../src/pipeline/ingest.js'
import { openSqliteStore } from '../../src/store/sqlite/store.js'
import { SAMPLE_FOLDERS } from '../../src/cli/demo.js'
import { projectRoot, sharedPath } from './shared.js'

export const HOSTILE = join(projectRoot, 'tests', 'fixtures', 'hostile', 'hostile-page.html')

export interface Corpus {
  db: string
  seeds: boolean
  remove(): void
}

/** Ingests into a fresh file in a temporary folder; remove() deletes the folder. */
export async function buildCorpus(opts: { seeds?: boolean } = {}): Promise<Corpus> {
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'parley-web-')) // memory-backed where there is one: ingest's commits need no disk
  const db = join(dir, 'parley.db')
  const seeds = opts.seeds === false ? null : sharedPath('seeds')
  const store = openSqliteStore(db)
  try {
    const summary = await ingest(store, [...SAMPLE_FOLDERS, HOSTILE, ...(seeds ? [seeds] : [])])
    if (summary.failed) throw new Error(`corpus: ${summary.failed} inputs failed: ${summary.files.filter((f) => f.status === 'failed').map((f) => f.reason).join('; ')}`)
  } finally {
    store.close()
  }
  return { db, seeds: seeds !== null, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
