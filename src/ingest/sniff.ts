// Is this input a document at all? Told from its bytes, never its name: a PNG saved as .txt is an image, /bin/ls
// renamed .bin is a program, a .docx is a zip. Magic numbers first, then the share of control bytes that
// text never has. Text with a stray NUL is still text (the reader drops the NULs and says so).
const MAGIC: [bytes: (number | null)[], what: string][] = [
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [ascii('GIF87a'), 'a GIF image'],
  [ascii('GIF89a'), 'a GIF image'],
  [[...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')], 'a WebP image'],
  [[...ascii('RIFF'), null, null, null, null, ...ascii('WAVE')], 'a WAV sound'],
  [[...ascii('RIFF'), null, null, null, null, ...ascii('AVI ')], 'an AVI video'],
  [[0x49, 0x49, 0x2a, 0x00], 'a TIFF image'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'a TIFF image'],
  [[0x00, 0x00, 0x01, 0x00], 'an icon'],
  [ascii('%PDF-'), 'a PDF file (not read: save the article as HTML or text)'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive or an office file (docx, xlsx, odt…)'],
  [[0x50, 0x4b, 0x05, 0x06], 'an empty zip archive'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'an old office file (doc, xls, ppt)'],
  [[0x1f, 0x8b], 'gzip-compressed data'],
  [[0x42, 0x5a, 0x68], 'bzip2-compressed data'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'xz-compressed data'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd-compressed data'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7z archive'],
  [ascii('Rar!'), 'a RAR archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an ELF program'],
  [[0xcf, 0xfa, 0xed, 0xfe], 'a Mach-O program'],
  [[0xce, 0xfa, 0xed, 0xfe], 'a Mach-O program'],
  [[0xca, 0xfe, 0xba, 0xbe], 'a Java class or Mach-O program'],
  [[0x00, 0x61, 0x73, 0x6d], 'a WebAssembly module'],
  [ascii('SQLite format 3\0'), 'a SQLite database'],
  [[0x37, 0x7f, 0x06, 0x82], 'a SQLite write-ahead log'],
  [[0x37, 0x7f, 0x06, 0x83], 'a SQLite write-ahead log'],
  [[0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7], 'a SQLite journal'],
  [ascii('OggS'), 'an Ogg audio or video file'],
  [ascii('fLaC'), 'a FLAC sound'],
  [[0x1a, 0x45, 0xdf, 0xa3], 'a Matroska or WebM video'],
  [[null, null, null, null, ...ascii('ftyp')], 'an MP4, MOV or HEIC file'],
  [ascii('wOFF'), 'a web font'],
  [ascii('wOF2'), 'a web font'],
  [[0x00, 0x01, 0x00, 0x00, 0x00], 'a font'],
]

function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0))
}

const HEAD = 8192

/** Null when the bytes may be text; else what they are ("a PNG image", "binary data"). */
export function sniffBinary(bytes: Uint8Array): string | null {
  for (const [sig, what] of MAGIC) {
    if (bytes.length >= sig.length && sig.every((b, i) => b === null || bytes[i] === b)) return what
  }
  // MP3 with a tag: "ID3", a version byte below 10, then flags.
  if (bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33 && (bytes[3] ?? 0xff) < 10) return 'an MP3 sound'
  // A Windows program: "MZ" and, at the offset it gives, "PE\0\0".
  if (bytes[0] === 0x4d && bytes[1] === 0x5a && bytes.length > 0x40) {
    const pe = (bytes[0x3c] ?? 0) | ((bytes[0x3d] ?? 0) << 8)
    if (bytes[pe] === 0x50 && bytes[pe + 1] === 0x45 && bytes[pe + 2] === 0 && bytes[pe + 3] === 0) return 'a Windows program'
  }
  const head = bytes.subarray(0, HEAD)
  if (head.length === 0 || wideText(head)) return null
  let control = 0
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++
  // Text has next to no control bytes (a stray NUL from a broken save is dropped by the reader); random or
  // compiled bytes have about one in ten.
  return control > Math.max(4, head.length * 0.05) ? 'binary data (not text)' : null
}

/** UTF-16/32 text, with or without a BOM: its NULs are part of the characters. */
function wideText(b: Uint8Array): boolean {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return true
  if (b.length < 8) return false
  let evenNul = 0
  let oddNul = 0
  const n = Math.min(b.length, 512) & ~1
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++
    if (b[i + 1] === 0) oddNul++
  }
  // Latin or markup in UTF-16: every other byte is NUL, on one side only.
  return Math.max(evenNul, oddNul) > n / 2 * 0.6 && Math.min(evenNul, oddNul) < n / 2 * 0.1
}

/** JSON that is not a feed (package.json, EXPECTED.json, an API dump): data about something, not an article. */
export function looksLikeJson(text: string): boolean {
  const t = text.replace(/^\uFEFF/, '').trimStart()
  if (t[0] !== '{' && t[0] !== '[') return false
  try {
    JSON.parse(t)
    return true
  } catch {
    // Truncated JSON still is not an article: a quoted key right after the brace says JSON.
    return /^(?:\{\s*"[^"\n]{0,200}"\s*:|\[\s*(?:\{|"|\d|\[))/.test(t)
  }
}
