// Curation: writes IOM Missing Migrants deaths per route and year into geodata/route-flows.json
// from an IOM export (CC BY 4.0), replacing the IOM rows written before and keeping every other
// figure. Run by the curator when IOM publishes a new export; the product never reads the file.
//   npm run curate:iom-deaths -- ../shared/data/iom-mmp/global-missing-migrants-2014-2023.csv [--until 2023]
import { readFileSync, writeFileSync } from 'node:fs'
import { iomRouteDeaths, IOM_SOURCE, type FlowRow } from '../server/geo/iom-route-deaths.ts'

const FLOWS_FILE = new URL('../geodata/route-flows.json', import.meta.url)

function main(): void {
  const args = process.argv.slice(2)
  const file = args.find((a) => !a.startsWith('--'))
  const untilAt = args.indexOf('--until')
  const untilYear = untilAt >= 0 ? Number(args[untilAt + 1]) : 2023
  if (!file || !Number.isInteger(untilYear)) {
    console.error('usage: npm run curate:iom-deaths -- <IOM export CSV> [--until YEAR (first year left out, default 2023)]')
    process.exit(2)
  }
  const doc = JSON.parse(readFileSync(FLOWS_FILE, 'utf8')) as { note: string; flows: FlowRow[] }
  const kept = doc.flows.filter((f) => !(f.metric === 'deaths' && f.source === IOM_SOURCE.source))
  const added = iomRouteDeaths(readFileSync(file, 'utf8'), untilYear)
  const rows = [...kept, ...added].map((f) => `    ${JSON.stringify(f).replace(/":/g, '": ').replace(/,"/g, ', "').replace(/^\{/, '{ ').replace(/\}$/, ' }')}`)
  writeFileSync(FLOWS_FILE, `{\n  "note": ${JSON.stringify(doc.note)},\n  "flows": [\n${rows.join(',\n')}\n  ]\n}\n`)
  console.log(`geodata/route-flows.json: ${kept.length} rows kept, ${added.length} IOM deaths rows written (years before ${untilYear})`)
}

main()
