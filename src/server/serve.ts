// Starting the server: open the store, build the app, listen. A token for writes is required whenever the server
// listens beyond loopback; if none is given one is made and printed, so a shared server is never open for writes.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { openStore } from '../store/open.js'
import type { Store } from '../store/store.js'
import { isLoopback } from './http.js'
import { createApp } from './routes.js'
import { DEFAULT_MAX_UPLOAD } from './upload.js'

export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_PORT = 8787

export interface ServeOptions {
  db: string
  host?: string
  /** 0 picks a free port. */
  port?: number
  token?: string | null
  maxUpload?: number
}

export interface Running {
  url: string
  host: string
  port: number
  /** The write token, when writes need one. */
  token: string | null
  store: Store
  close(): Promise<void>
}

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version

export async function startServer(o: ServeOptions): Promise<Running> {
  const host = o.host ?? DEFAULT_HOST
  const token = o.token || (isLoopback(host) ? null : randomBytes(18).toString('base64url'))
  const store = openStore(o.db)
  const app = createApp({ store, token, maxUpload: o.maxUpload ?? DEFAULT_MAX_UPLOAD, version: VERSION })
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: o.port ?? DEFAULT_PORT }, (info: AddressInfo) => {
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address
      resolve({
        url: `http://${shown}:${info.port}`,
        host,
        port: info.port,
        token,
        store,
        close: () => new Promise<void>((done) => server.close(() => (store.close(), done()))),
      })
    })
    server.once('error', (e) => {
      store.close()
      reject(e)
    })
  })
}
