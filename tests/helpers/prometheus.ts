// A strict reader of the Prometheus text exposition format, for tests of /metrics.
import { expect } from 'vitest'

/** A strict reader of the Prometheus text format 0.0.4: every line a comment or a sample; returns the samples by name. */
export function parseExposition(text: string): Map<string, { labels: Record<string, string>; value: number }[]> {
  expect(text.endsWith('\n')).toBe(true)
  const samples = new Map<string, { labels: Record<string, string>; value: number }[]>()
  const types = new Map<string, string>()
  for (const line of text.slice(0, -1).split('\n')) {
    const type = line.match(/^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/)
    if (type) {
      expect(types.has(type[1]), `TYPE ${type[1]} twice`).toBe(false)
      types.set(type[1], type[2])
      continue
    }
    if (/^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*$/.test(line)) continue
    const m = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (-?[0-9.e+-]+|\+Inf|-Inf|NaN)$/)
    expect(m, `not a sample line: ${line}`).not.toBeNull()
    const labels: Record<string, string> = {}
    const body = m![3] ?? ''
    const re = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)/g
    let consumed = 0
    for (let l = re.exec(body); l; l = re.exec(body)) {
      labels[l[1]] = l[2].replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\')
      consumed = re.lastIndex
    }
    expect(consumed, `bad labels in ${line}`).toBe(body.length)
    const family = m![1].replace(/_(bucket|sum|count)$/, '')
    expect(types.has(m![1]) || types.get(family) === 'histogram', `sample ${m![1]} before its TYPE`).toBe(true)
    samples.set(m![1], [...(samples.get(m![1]) ?? []), { labels, value: Number(m![4].replace('+Inf', 'Infinity')) }])
  }
  return samples
}
