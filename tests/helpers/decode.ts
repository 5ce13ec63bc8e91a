// Bytes of a saved page -> text, for tests and benchmarks over real pages: ingest's decoder (declaration checked
// against the bytes), and a plain UTF-8-else-GB18030 reading only if it refuses a page, so that a change in the
// decoder cannot hide a change in main-text extraction.
import { decode } from '../../src/ingest/encoding.js'

export function decodePage(bytes: Uint8Array, name: string): string {
  const r = decode(bytes, { name })
  if (r.ok) return r.value.text
  console.log(`decode fallback: ${r.error.message}`)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}
