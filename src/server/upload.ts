// Ingest over HTTP: uploaded files are written to a fresh temporary folder (names reduced to a safe base name)
// and read by the same `ingest` the command line runs; a feed or page URL is handed to it as is.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { ingest, type IngestSummary } from '../pipeline/ingest.js'
import type { Store } from '../store/store.js'
import { HttpError } from './http.js'

export const DEFAULT_MAX_UPLOAD = 10 * 1024 * 1024

/** A base name with no path, no leading dots and no characters a file system may refuse. */
export function safeName(name: string, i: number): string {
  const base = basename(name.replaceAll('\\', '/')).replace(/[\u0000-\u001f<>:"|?*]/g, '_').replace(/^\.+/, '')
  return base.slice(0, 120) || `upload-${i}`
}

export async function ingestUploads(store: Store, files: File[], published?: string): Promise<IngestSummary> {
  if (!files.length) throw new HttpError(400, 'no file: send multipart/form-data with one or more "file" fields')
  const dir = mkdtempSync(join(tmpdir(), 'parley-upload-'))
  try {
    const used = new Set<string>()
    for (const [i, f] of files.entries()) {
      let name = safeName(f.name, i)
      if (used.has(name)) name = `${i}-${name}`
      used.add(name)
      writeFileSync(join(dir, name), new Uint8Array(await f.arrayBuffer()))
    }
    return await ingest(store, [dir], { published })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function ingestUrl(store: Store, url: string): Promise<IngestSummary> {
  return ingest(store, [url])
}
