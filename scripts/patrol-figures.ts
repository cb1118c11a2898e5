// npm run figures:patrols -- [FILE]
// Writes the patrol bench's figures (FILE, default bench-results/patrols.json, from
// `npm run bench -- patrols`) into the README's speed table (the row starting "| patrol suite")
// and into the table between the patrol-figures markers of docs/patrols.md, so neither is typed
// by hand. Exits 1 when the results or a target place are missing.
import { readFileSync, writeFileSync } from 'node:fs'
import type { PatrolBenchRow } from './bench/patrols.ts'

interface Results {
  measured_at: string
  driver: string
  summary: { min_ratio: number; mean_ratio: number; min_swap_ratio: number; mean_swap_ratio: number; greedy_ms: number; exact_ms: number; time_ratio: number; min_time_ratio: number }
  instances: PatrolBenchRow[]
}

const f3 = (x: number) => x.toFixed(3)
const f4 = (x: number) => x.toFixed(4)
const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(2)}%`)
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`)

function fail(message: string): never {
  console.error(`figures: ${message}`)
  process.exit(1)
}

function readmeRow(r: Results): string {
  const s = r.summary
  return `| patrol suite (${r.instances.length} instances on the demo data, k 3–20, 40–150 km, spacing, posts): greedy / exact coverage, worst and mean; exact / greedy time, all instances and slowest instance | ${f4(s.min_ratio)} and ${f4(s.mean_ratio)} (greedy + swaps alone: ${f4(s.min_swap_ratio)} and ${f4(s.mean_swap_ratio)}); ${s.time_ratio.toFixed(0)}x, ${s.min_time_ratio.toFixed(0)}x |`
}

function docsTable(r: Results): string {
  const head = '| instance | candidates | greedy / exact | greedy + swaps alone | Lagrangian gap | greedy | exact (HiGHS) | exact / greedy | LP gap |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
  const rows = r.instances.map((i) => `| ${i.name} | ${i.candidates} | ${f4(i.greedy_ratio)} | ${f4(i.swap_ratio)} | ${pct(i.lagrangian_gap)}${i.stopped_by_bound ? ' (stop)' : ''} | ${ms(i.greedy_ms)} | ${ms(i.exact_ms)} (${ms(i.exact_solver_ms)}, ${i.exact_status}) | ${i.time_ratio.toFixed(0)}x | ${pct(i.lp_gap)} |`)
  const s = r.summary
  const total = `| **all ${r.instances.length}** | | worst ${f3(s.min_ratio)}, mean ${f4(s.mean_ratio)} | worst ${f3(s.min_swap_ratio)}, mean ${f4(s.mean_swap_ratio)} | | ${ms(s.greedy_ms)} | ${ms(s.exact_ms)} | ${s.time_ratio.toFixed(0)}x (slowest ${s.min_time_ratio.toFixed(0)}x) | |`
  return [`Measured ${r.measured_at.slice(0, 16).replace('T', ' ')} UTC on ${r.driver} by \`npm run bench -- patrols\`; written by \`npm run figures:patrols\`.`, '', head, ...rows, total].join('\n')
}

function main(): void {
  const file = process.argv[2] ?? 'bench-results/patrols.json'
  let results: Results
  try {
    results = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    fail(`no bench results at ${file}: run npm run bench -- patrols first`)
  }
  const readme = readFileSync('README.md', 'utf8')
  const line = readme.split('\n').findIndex((l) => l.startsWith('| patrol suite'))
  if (line < 0) fail('README.md has no row starting "| patrol suite"')
  const lines = readme.split('\n')
  lines[line] = readmeRow(results)
  writeFileSync('README.md', lines.join('\n'))

  const docs = readFileSync('docs/patrols.md', 'utf8')
  const [start, end] = ['<!-- patrol-figures:start -->', '<!-- patrol-figures:end -->']
  const a = docs.indexOf(start)
  const b = docs.indexOf(end)
  if (a < 0 || b < a) fail(`docs/patrols.md has no ${start} … ${end} block`)
  writeFileSync('docs/patrols.md', `${docs.slice(0, a + start.length)}\n${docsTable(results)}\n${docs.slice(b)}`)
  console.log(`README.md and docs/patrols.md: ${results.instances.length} instances from ${file}`)
}

main()
