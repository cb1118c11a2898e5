import { describe, expect, it } from 'vitest'
import { parseExposition } from '../tests/helpers/prometheus.ts'
import { escapeLabel, LATENCY_BUCKETS_S, RequestMetrics } from './metrics.ts'

describe('RequestMetrics', () => {
  it('counts requests per method, route pattern and status', () => {
    const m = new RequestMetrics()
    m.observe('GET', '/api/routes/:id', 200, 0.003)
    m.observe('GET', '/api/routes/:id', 200, 0.2)
    m.observe('GET', '/api/routes/:id', 404, 0.001)
    const counts = parseExposition(m.render()).get('sahel_http_requests_total')!
    expect(counts).toEqual([
      { labels: { method: 'GET', route: '/api/routes/:id', status: '200' }, value: 2 },
      { labels: { method: 'GET', route: '/api/routes/:id', status: '404' }, value: 1 },
    ])
  })

  it('writes cumulative latency buckets whose +Inf bucket equals the count', () => {
    const m = new RequestMetrics()
    for (const s of [0.003, 0.02, 0.02, 0.7, 30]) m.observe('POST', '/api/imports', 201, s)
    const parsed = parseExposition(m.render())
    const buckets = parsed.get('sahel_http_request_duration_seconds_bucket')!
    expect(buckets.map((b) => b.labels.le)).toEqual([...LATENCY_BUCKETS_S.map(String), '+Inf'])
    expect(buckets.map((b) => b.value)).toEqual([1, 1, 3, 3, 3, 3, 3, 4, 4, 4, 4, 5])
    expect(parsed.get('sahel_http_request_duration_seconds_count')![0].value).toBe(5)
    expect(parsed.get('sahel_http_request_duration_seconds_sum')![0].value).toBeCloseTo(30.743, 6)
  })

  it('renders gathered gauges and escapes label values', () => {
    const m = new RequestMetrics()
    const text = m.render([{ name: 'sahel_db_connections', help: 'Connections.', type: 'gauge', samples: [{ labels: { state: 'idle "x"\\\n' }, value: 3 }] }])
    expect(parseExposition(text).get('sahel_db_connections')).toEqual([{ labels: { state: 'idle "x"\\\n' }, value: 3 }])
    expect(escapeLabel('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd')
  })
})
