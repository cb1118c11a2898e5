// Prometheus metrics of this process, in the text exposition format 0.0.4, written by hand (no
// client library): request counts and latency histograms per route pattern, plus whatever gauges
// and counters the /metrics handler gathers at scrape time (database pool, imports, tile cache).
// No I/O and no clock here: callers pass durations in seconds.

/** Upper bounds of the request latency buckets, seconds. */
export const LATENCY_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const

export type Labels = Record<string, string>

/** One metric family gathered at scrape time. */
export interface Family {
  name: string
  help: string
  type: 'counter' | 'gauge'
  samples: { labels?: Labels; value: number }[]
}

interface Series {
  labels: Labels
  buckets: number[]
  count: number
  sumS: number
}

/** Label values escaped as the exposition format asks: backslash, double quote, newline. */
export function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
}

function labelText(labels: Labels | undefined, extra?: Labels): string {
  const all = { ...labels, ...extra }
  const keys = Object.keys(all)
  return keys.length === 0 ? '' : `{${keys.map((k) => `${k}="${escapeLabel(all[k])}"`).join(',')}}`
}

function num(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Infinity) return '+Inf'
  if (value === -Infinity) return '-Inf'
  return String(value)
}

/** Request counters and latency histograms, keyed by method, route pattern and status. */
export class RequestMetrics {
  private counts = new Map<string, { labels: Labels; value: number }>()
  private latency = new Map<string, Series>()

  /** Records one answered request: route is the pattern (/api/routes/:id), never the raw URL. */
  observe(method: string, route: string, status: number, durationS: number): void {
    const countLabels = { method, route, status: String(status) }
    const countKey = JSON.stringify(countLabels)
    const c = this.counts.get(countKey) ?? { labels: countLabels, value: 0 }
    c.value++
    this.counts.set(countKey, c)
    const latencyLabels = { method, route }
    const key = JSON.stringify(latencyLabels)
    let s = this.latency.get(key)
    if (!s) {
      s = { labels: latencyLabels, buckets: LATENCY_BUCKETS_S.map(() => 0), count: 0, sumS: 0 }
      this.latency.set(key, s)
    }
    for (let i = 0; i < LATENCY_BUCKETS_S.length; i++) if (durationS <= LATENCY_BUCKETS_S[i]) s.buckets[i]++
    s.count++
    s.sumS += durationS
  }

  /** The exposition text of the request metrics followed by the given families. */
  render(families: Family[] = []): string {
    const out: string[] = []
    out.push('# HELP sahel_http_requests_total HTTP requests answered, by method, route pattern and status.')
    out.push('# TYPE sahel_http_requests_total counter')
    for (const c of this.counts.values()) out.push(`sahel_http_requests_total${labelText(c.labels)} ${c.value}`)
    out.push('# HELP sahel_http_request_duration_seconds Time from request to answer, by method and route pattern.')
    out.push('# TYPE sahel_http_request_duration_seconds histogram')
    for (const s of this.latency.values()) {
      LATENCY_BUCKETS_S.forEach((le, i) => out.push(`sahel_http_request_duration_seconds_bucket${labelText(s.labels, { le: String(le) })} ${s.buckets[i]}`))
      out.push(`sahel_http_request_duration_seconds_bucket${labelText(s.labels, { le: '+Inf' })} ${s.count}`)
      out.push(`sahel_http_request_duration_seconds_sum${labelText(s.labels)} ${num(s.sumS)}`)
      out.push(`sahel_http_request_duration_seconds_count${labelText(s.labels)} ${s.count}`)
    }
    for (const f of families) {
      out.push(`# HELP ${f.name} ${f.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`)
      out.push(`# TYPE ${f.name} ${f.type}`)
      for (const sample of f.samples) out.push(`${f.name}${labelText(sample.labels)} ${num(sample.value)}`)
    }
    return out.join('\n') + '\n'
  }
}
