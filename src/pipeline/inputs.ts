// What the user pointed parley at, expanded: folders walked (sorted, so runs are repeatable; each real folder
// once, so symbolic-link loops end), URLs kept, sidecar files paired with their documents, and what is plainly
// not a document set aside with its reason: media and archives by name in a folder, project files (README,
// lock files), FIFOs and devices, the database's own files, and what an ignore list names.
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { basename, join, relative, resolve, sep } from 'node:path'
import { kindOf } from '../ingest/local.js'

export type Expanded =
  | { kind: 'file'; path: string }
  | { kind: 'url'; url: string }
  | { kind: 'missing'; path: string }
  | { kind: 'skipped'; path: string; reason: string }
  | { kind: 'unreadable'; path: string; reason: string }

export interface ExpandOptions {
  /** Files never read as input (the database and its -wal, -shm and -journal files). */
  exclude?: readonly string[]
  /** Patterns of paths to leave out of folder walks, as in a .parleyignore file. */
  ignore?: readonly string[]
}

// Media and archives: never news text. Named here so a folder of saved pages with their images ingests cleanly
// (the bytes are sniffed as well, for files named on the command line and files misnamed).
const NOT_DOCUMENTS = /\.(?:png|jpe?g|gif|webp|svg|ico|bmp|tiff?|mp[34]|m4a|wav|ogg|webm|mov|avi|pdf|zip|gz|tgz|bz2|xz|7z|rar|woff2?|ttf|otf|eot|css|js|mjs|map|db|sqlite|exe|dll|so|dylib|docx?|xlsx?|pptx?|odt|ods|epub)$/i
// A project's own files, found when a checkout or a download folder is walked: about software, not news.
const PROJECT_FILES = /^(?:readme|changelog|changes|license|licence|copying|contributing|authors|notice|code_of_conduct|security)(?:\.[\w.-]+)?$|^(?:package(?:-lock)?\.json|npm-shrinkwrap\.json|pnpm-lock\.yaml|tsconfig(?:\.[\w-]+)?\.json|makefile|dockerfile)$|\.lock$/i
export const SIDECAR_SUFFIX = '.meta.json'
export const IGNORE_FILE = '.parleyignore'
const DB_SUFFIXES = ['', '-wal', '-shm', '-journal']

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s)
}

/** The files a SQLite database at `path` consists of. */
export function databaseFiles(path: string): string[] {
  return DB_SUFFIXES.map((s) => resolve(path + s))
}

interface Walk {
  out: Expanded[]
  seen: Set<string> // real paths of folders and files already walked
  exclude: Set<string>
  root: string
  ignore: RegExp[]
}

export function expandInputs(inputs: readonly string[], opts: ExpandOptions = {}): Expanded[] {
  const out: Expanded[] = []
  const seen = new Set<string>()
  const exclude = new Set((opts.exclude ?? []).map((p) => resolve(p)))
  for (const input of inputs) {
    if (isUrl(input)) out.push({ kind: 'url', url: input })
    else if (!existsSync(input) && !isLink(input)) out.push({ kind: 'missing', path: input })
    else walk(input, { out, seen, exclude, root: input, ignore: (opts.ignore ?? []).map(globRegExp) }, true)
  }
  return out
}

const isLink = (p: string): boolean => {
  try {
    return lstatSync(p).isSymbolicLink()
  } catch {
    return false
  }
}

function walk(path: string, w: Walk, explicit: boolean): void {
  let st
  let real: string
  try {
    st = statSync(path)
    real = realpathSync(path)
  } catch (e) {
    // A dangling link, a link loop, or a file removed while we walk: reported, and the walk goes on.
    const code = (e as NodeJS.ErrnoException).code
    w.out.push({ kind: 'unreadable', path, reason: code === 'ELOOP' ? 'a symbolic link that loops' : `cannot read: ${code ?? (e as Error).message}` })
    return
  }
  if (w.exclude.has(resolve(path)) || w.exclude.has(real)) {
    w.out.push({ kind: 'skipped', path, reason: 'skipped: a file of the database being written' })
    return
  }
  // A folder (or file) reached again through a symbolic link is walked once: loops, and loops feeding each
  // other, end here.
  if (w.seen.has(real)) return
  w.seen.add(real)
  if (st.isDirectory()) {
    let names: string[]
    try {
      names = readdirSync(path).sort()
    } catch (e) {
      w.out.push({ kind: 'unreadable', path, reason: `cannot list the folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` })
      return
    }
    const local = readIgnoreFile(path)
    const rules = local.length ? [...w.ignore, ...local.map((p) => globRegExp(join(relative(w.root, path), p).split(sep).join('/')))] : w.ignore
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue
      const child = join(path, name)
      if (name.includes('\uFFFD')) {
        // Node lists a name that is not UTF-8 with U+FFFD in it, a path that no longer names the file.
        w.out.push({ kind: 'unreadable', path: child, reason: 'file name is not valid UTF-8 (rename the file to read it)' })
        continue
      }
      const rel = relative(w.root, child).split(sep).join('/')
      if (rules.some((r) => r.test(rel) || r.test(name))) continue
      walk(child, { ...w, ignore: rules }, false)
    }
    return
  }
  if (!st.isFile()) {
    // Never opened: a FIFO would block, a device would never end.
    w.out.push({ kind: 'skipped', path, reason: `skipped: ${kindOf(st)}, not a file` })
    return
  }
  if (path.endsWith(SIDECAR_SUFFIX)) return // read with the document it describes
  if (!explicit && NOT_DOCUMENTS.test(path)) w.out.push({ kind: 'skipped', path, reason: 'skipped: not a document (media, archive or code file)' })
  else if (!explicit && PROJECT_FILES.test(basename(path))) w.out.push({ kind: 'skipped', path, reason: 'skipped: a project file (readme, licence, lock file), not an article' })
  else w.out.push({ kind: 'file', path })
}

function readIgnoreFile(folder: string): string[] {
  try {
    return readFileSync(join(folder, IGNORE_FILE), 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
  } catch {
    return []
  }
}

/**
 * A .gitignore-style pattern as a regular expression over a path relative to the walked folder (or a bare
 * name): `*` within a name, `**` across folders, `?` one character, a trailing `/` for a folder and what is in it.
 */
export function globRegExp(pattern: string): RegExp {
  const p = pattern.replace(/^\.\//, '').replace(/^\//, '').replace(/\/$/, '')
  let re = ''
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!
    if (c === '*' && p[i + 1] === '*') {
      re += '.*'
      i++
      if (p[i + 1] === '/') i++
    } else if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${re}(?:/.*)?$`)
}
