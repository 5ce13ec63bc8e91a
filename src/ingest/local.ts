// Reading a local input safely: only regular files (a FIFO would block forever, a device never ends), never
// more than a size limit (checked on the open file, so a file that grows while read is still capped), and every
// problem a one-line reason naming the file.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'
import { err, ok, ParleyError, type Result } from '../core/errors.js'

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024

/** An input that is not a document at all (an image, a FIFO, a lock file): set aside with its reason, not failed. */
export class NotADocument extends ParleyError {
  constructor(input: string, reason: string) {
    super('ingest', input, reason)
    this.name = 'NotADocument'
  }
}

export function megabytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MB` : `${n} bytes`
}

/** What kind of thing a stat describes, for a message ("a FIFO", "a character device"). */
export function kindOf(st: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean; isDirectory(): boolean }): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)'
  if (st.isCharacterDevice()) return 'a character device'
  if (st.isBlockDevice()) return 'a block device'
  if (st.isSocket()) return 'a socket'
  if (st.isDirectory()) return 'a folder'
  return 'not a regular file'
}

export function readLocalFile(path: string, maxBytes: number = DEFAULT_MAX_BYTES): Result<Uint8Array> {
  let fd: number
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever before we could look at it.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (e) {
    return err(new ParleyError('ingest', path, ioReason(e)))
  }
  try {
    const st = fstatSync(fd)
    if (!st.isFile()) return err(new NotADocument(path, `skipped: ${kindOf(st)}, not a file`))
    if (st.size > maxBytes) return err(new ParleyError('ingest', path, `file of ${megabytes(st.size)} is over the ${megabytes(maxBytes)} limit (see --max-size)`))
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1)
    let total = 0
    for (;;) {
      if (total === buf.length) return err(new ParleyError('ingest', path, `file grew past the ${megabytes(maxBytes)} limit while being read`))
      const n = readSync(fd, buf, total, buf.length - total, null)
      if (n === 0) break
      total += n
    }
    return ok(new Uint8Array(buf.buffer, buf.byteOffset, total))
  } catch (e) {
    return err(new ParleyError('ingest', path, ioReason(e)))
  } finally {
    closeSync(fd)
  }
}

/** An I/O error in words: ENOENT → "no such file (removed while the run went on?)". */
export function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'is a folder'
    case 'ELOOP':
      return 'too many levels of symbolic links (a link loop)'
    case 'EAGAIN':
      return 'not ready to be read (a pipe or device?)'
    default:
      return `cannot read: ${code ?? (e as Error).message}`
  }
}
