// `parley serve`: the HTTP API and the dashboard over one database, a thin shell over src/server.
import { InvalidArgumentError, Option, type Command } from 'commander'
import { ParleyError } from '../core/index.js'
import { DEFAULT_HOST, DEFAULT_PORT, startServer, type Running } from '../server/serve.js'
import { dbPath } from './context.js'

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the dashboard and the JSON API (http://127.0.0.1:8787 by default)')
    .option('--host <host>', `address to listen on; writes need a token beyond 127.0.0.1/::1`, DEFAULT_HOST)
    .addOption(new Option('--port <n>', 'port (0 picks a free one)').default(DEFAULT_PORT).argParser(port))
    .option('--token <token>', 'token that writes (ingest) must carry; default $PARLEY_TOKEN, or a new one when bound beyond loopback')
    .action(async (opts: { host: string; port: number; token?: string }) => {
      const running = await listen({ db: dbPath(program.opts().db), host: opts.host, port: opts.port, token: opts.token ?? process.env.PARLEY_TOKEN ?? null })
      announce(running)
    })
}

export function port(v: string): number {
  const n = Number(v)
  if (!/^\d+$/.test(v) || n > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535')
  return n
}

export async function listen(o: Parameters<typeof startServer>[0]): Promise<Running> {
  try {
    return await startServer(o)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw new ParleyError('cli', `${o.host}:${o.port}`, 'the port is in use; choose another with --port (0 picks a free one)')
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new ParleyError('cli', `${o.host}`, 'no such address on this machine')
    throw e
  }
}

export function announce(r: Running): void {
  console.log(`\nparley dashboard: ${r.url}/timeline   (API: ${r.url}/api/openapi.json; Ctrl-C stops)`)
  if (r.token) console.log(`writes (ingest) need the token: ${r.token}`)
  const stop = () => void r.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
