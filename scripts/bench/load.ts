// Bench section: load on the started server (a child process, so the load generator does not
// share its event loop): autocannon on loopback, 32 connections for BENCH_LOAD_SECONDS (default
// 30) per endpoint; requests/s, p50/p99 latency, and errors and non-2xx answers, which must be 0.
// BENCH_LOAD_PG_DB names the scratch PostgreSQL database (default sahel_routes_bench_load_<pid>).
import autocannon, { type Request } from 'autocannon'
import { spawn, type ChildProcess } from 'node:child_process'
import { THREATS } from '../../shared/vocabulary.ts'
import { row, scratchDatabases, type ScratchDb } from './common.ts'

const CONNECTIONS = 32
// [label, path, varied]: a varied path ends in a list of every threat category in another order
// on every request: the same question (every incident has one of them) in a new URL, so the answer
// cache (keyed by the URL) never answers it and every request reads the rollup
const ENDPOINTS: [string, string, boolean][] = [
  ['hotspots, res 5', '/api/hotspots?res=5', false],
  ['hotspots, res 5, every threat in a new order (answer cache defeated)', '/api/hotspots?res=5&threat=', true],
  ['vector tile routes/4/8/7', '/tiles/routes/4/8/7.mvt', false],
  ['route analysis cmr-agadez-sabha-tripoli', '/api/routes/cmr-agadez-sabha-tripoli/analysis', false],
]

/** The n-th permutation (factorial number system, 12! = 479,001,600 of them) of the threat categories, comma-separated. */
function threatsInOrder(n: number): string {
  const left: string[] = [...THREATS]
  const out: string[] = []
  for (let k = left.length; k > 0; k--) {
    out.push(left.splice(n % k, 1)[0])
    n = Math.floor(n / k)
  }
  return out.join(',')
}

function loadSeconds(): number {
  const raw = process.env.BENCH_LOAD_SECONDS
  const seconds = raw === undefined || raw === '' ? 30 : Number(raw)
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 600) throw new Error(`BENCH_LOAD_SECONDS must be an integer from 1 to 600, got "${raw}"`)
  return seconds
}

/** Starts server/main.ts on a free loopback port (demo incidents, no rate limit); resolves with its origin. */
async function startServer(config: { dataDir: string; databaseUrl: string | null }): Promise<{ origin: string; child: ChildProcess }> {
  const { DATABASE_URL: _unused, ...env } = process.env
  // as npm start runs it (package.json): a 512 MB initial old generation, glibc keeping freed buffers
  const child = spawn(process.execPath, ['--initial-old-space-size=512', '--import', 'tsx', 'server/main.ts'], {
    env: {
      ...env,
      GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456',
      ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : { DATA_DIR: config.dataDir }),
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      DEMO_DATA: 'on',
      // the per-client limit would turn most of the load into 429s: measured is the service itself
      RATE_LIMIT_PER_MIN: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening`)))
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m) {
        child.stdout!.removeAllListeners('data')
        child.stdout!.resume()
        resolve({ origin: m[1], child })
      }
    })
  })
}

/** 32 connections on each endpoint in turn; throws when any request errored or was not 2xx. */
export async function loadTest(): Promise<void> {
  const seconds = loadSeconds()
  console.log(`\n# 11. load: autocannon on loopback, ${CONNECTIONS} connections x ${seconds} s per endpoint, server in a child process (demo incidents)`)
  let failures = 0
  const databases = await scratchDatabases('load', process.env.BENCH_LOAD_PG_DB)
  // a failing driver leaves the databases of the drivers after it: dropped here (dropping twice is harmless)
  try {
    await loadEach(databases, seconds, (bad) => (failures += bad))
  } finally {
    for (const { drop } of databases) await drop()
  }
  if (failures > 0) throw new Error(`load: ${failures} request(s) failed or answered other than 2xx`)
}

/** Each driver's server under load, endpoint by endpoint; reports each endpoint's failed requests. */
async function loadEach(databases: ScratchDb[], seconds: number, failed: (bad: number) => void): Promise<void> {
  for (const { name, config, drop } of databases) {
    const { origin, child } = await startServer(config)
    try {
      for (const [label, path, varied] of ENDPOINTS) {
        // one warm-up request: the first answer pays for caches and query plans
        const first = varied ? `${path}${threatsInOrder(0)}` : path
        const warm = await fetch(`${origin}${first}`)
        if (!warm.ok) throw new Error(`${first} answered ${warm.status} before the load`)
        let sent = 1
        const requests = varied ? [{ setupRequest: (req: Request): Request => ({ ...req, path: `${path}${threatsInOrder(sent++)}` }) }] : undefined
        const r = await autocannon({ url: `${origin}${first}`, connections: CONNECTIONS, duration: seconds, requests })
        failed(r.errors + r.timeouts + r.non2xx)
        row(`${name}: ${label}`, `${Math.round(r.requests.average).toLocaleString('en')} req/s`)
        row(`${name}:   latency p50 / p99`, `${r.latency.p50} / ${r.latency.p99} ms`)
        row(`${name}:   errors / timeouts / non-2xx of ${r.requests.total.toLocaleString('en')}`, `${r.errors} / ${r.timeouts} / ${r.non2xx}`)
      }
    } finally {
      child.removeAllListeners('exit')
      child.kill('SIGTERM')
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))
      await drop()
    }
  }
}
