// A local file named on the command line (explain, extract), read with ingest's safe reader: a missing file,
// a FIFO or an oversized file is one line naming it, never a stack.
import { readLocalFile, DEFAULT_MAX_BYTES } from '../ingest/local.js'

export function readLocal(path: string, maxBytes: number = DEFAULT_MAX_BYTES): Uint8Array {
  const r = readLocalFile(path, maxBytes)
  if (!r.ok) throw r.error
  return r.value
}
