// The dashboard's static files (CSS, JS): the files of ./static, read once at start into a map by name. A request
// names a file; it is looked up in the map, so no request path ever reaches the file system (no traversal).
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const TYPES: Record<string, string> = { css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8', svg: 'image/svg+xml' }
const DIR = fileURLToPath(new URL('./static/', import.meta.url))

const files = new Map<string, { body: string; type: string }>()
for (const name of readdirSync(DIR)) {
  const ext = /^[a-z0-9-]+\.([a-z]+)$/.exec(name)?.[1]
  const type = ext ? TYPES[ext] : undefined
  if (type) files.set(name, { body: readFileSync(DIR + name, 'utf8'), type })
}

export function staticFile(name: string): { body: string; type: string } | null {
  return files.get(name) ?? null
}
