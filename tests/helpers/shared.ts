// Tests that read third-party material find it in ../shared (beside the checkout). A user's clone has no
// ../shared: such tests skip with one line saying so, and everything else still runs.
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const shared = process.env.PARLEY_SHARED ?? join(root, '..', 'shared')

/** Absolute path of a file or folder under ../shared, or null when ../shared is absent. */
export function sharedPath(...parts: string[]): string | null {
  const p = join(shared, ...parts)
  return existsSync(p) ? p : null
}

/** The reason to pass as `{ skip }` to node:test when a shared path is missing. */
export function skipWithout(...parts: string[]): string | false {
  return sharedPath(...parts) ? false : `skipped: ../shared/${parts.join('/')} is absent (tests on third-party material run only beside it)`
}

export const projectRoot = root
