// What the user pointed parley at, expanded: folders walked (sorted, so runs are repeatable), URLs kept,
// sidecar files paired with their documents, and files that are plainly not documents set aside by name.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export type Expanded =
  | { kind: 'file'; path: string }
  | { kind: 'url'; url: string }
  | { kind: 'missing'; path: string }
  | { kind: 'skipped'; path: string; reason: string }
  | { kind: 'unreadable'; path: string; reason: string }

// Media and archives: never news text. Named here so a folder of saved pages with their images ingests cleanly.
const NOT_DOCUMENTS = /\.(?:png|jpe?g|gif|webp|svg|ico|bmp|tiff?|mp[34]|m4a|wav|ogg|webm|mov|avi|pdf|zip|gz|tgz|bz2|xz|7z|rar|woff2?|ttf|otf|eot|css|js|mjs|map|db|sqlite|exe|dll|so|dylib)$/i
export const SIDECAR_SUFFIX = '.meta.json'

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s)
}

export function expandInputs(inputs: readonly string[]): Expanded[] {
  const out: Expanded[] = []
  for (const input of inputs) {
    if (isUrl(input)) out.push({ kind: 'url', url: input })
    else if (!existsSync(input)) out.push({ kind: 'missing', path: input })
    else walk(input, out, true)
  }
  return out
}

function walk(path: string, out: Expanded[], explicit: boolean): void {
  let st
  try {
    st = statSync(path)
  } catch (e) {
    // A dangling link or a file removed while we walk: reported, and the walk goes on.
    out.push({ kind: 'unreadable', path, reason: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` })
    return
  }
  if (st.isDirectory()) {
    let names: string[]
    try {
      names = readdirSync(path).sort()
    } catch (e) {
      out.push({ kind: 'unreadable', path, reason: `cannot list the folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` })
      return
    }
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue
      walk(join(path, name), out, false)
    }
    return
  }
  if (!st.isFile()) return
  if (path.endsWith(SIDECAR_SUFFIX)) return // read with the document it describes
  // A file named on the command line is always tried; inside a folder, media and archives are set aside.
  if (!explicit && NOT_DOCUMENTS.test(path)) out.push({ kind: 'skipped', path, reason: 'not a document (media, archive or code file)' })
  else out.push({ kind: 'file', path })
}
