// npm run import -- FILE [--format auto|iom|acled|csv|geojson|kml|gpx] [--strict] [--dataset NAME]
//   [--credit TEXT] [--threat CODE] [--map lat=COL,lng=COL,date=COL,category=COL,id=COL,...]
//   (--map also takes coordinates=COL, year=, month=, dead=, missing=, quantity=, order=latlng|lnglat,
//   date_order=mdy|dmy; without --map, the last mapping used for a file with the same headers)
//   [--agency NAME|ID] [--sharing national|bilateral|regional|public] [--partners ISO3,...]
// Imports one incident file into the configured database (DATABASE_URL or the embedded DATA_DIR)
// with a progress line, then prints the import report; exits 1 when nothing went in.
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../server/config.ts'
import { migrate } from '../server/db/migrate.ts'
import { openDb } from '../server/db/open.ts'
import { IMPORT_FORMATS, type ImportFormat } from '../server/geo/incident-parse/formats.ts'
import { MappingError, parseMappingText, resolveMapping } from '../server/geo/incident-parse/mapping.ts'
import { resolveFileFormat, sniffCsv } from '../server/import/sniff.ts'
import { CsvSniffError } from '../server/import/plan-csv.ts'
import type { ColumnMapping } from '../server/geo/incident-parse/types.ts'
import { THREATS } from '../shared/vocabulary.ts'
import { ImportFileError, importFile } from '../server/import/run-import.ts'
import { agencyOwner, SECRETARIAT_AGENCY_ID, SHARING_LEVELS, SharingError, type Sharing } from '../shared/access.ts'
import { listAgencies } from '../server/repos/auth.ts'

function fail(message: string): never {
  console.error(`import: ${message}`)
  process.exit(2)
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'auto' },
      strict: { type: 'boolean', default: false },
      dataset: { type: 'string' },
      credit: { type: 'string' },
      threat: { type: 'string' },
      map: { type: 'string' },
      agency: { type: 'string' },
      sharing: { type: 'string', default: 'regional' },
      partners: { type: 'string', default: '' },
    },
  })
  if (positionals.length !== 1) fail('give exactly one FILE')
  const format = values.format as ImportFormat
  if (!IMPORT_FORMATS.includes(format)) fail(`--format must be one of ${IMPORT_FORMATS.join(', ')}, got "${values.format}"`)
  if (values.threat && !(THREATS as readonly string[]).includes(values.threat)) fail(`--threat must be one of ${THREATS.join(', ')}`)
  let mapping: ColumnMapping = {}
  try {
    mapping = parseMappingText(values.map)
  } catch (err) {
    fail(`--map: ${(err as Error).message}`)
  }
  if (values.dataset !== undefined && !/^[a-z0-9][a-z0-9_.-]{0,62}$/.test(values.dataset)) fail(`--dataset must be lower-case letters, digits, "_", "." or "-", got "${values.dataset}"`)

  if (!(SHARING_LEVELS as readonly string[]).includes(values.sharing!)) fail(`--sharing must be one of ${SHARING_LEVELS.join(', ')}, got "${values.sharing}"`)

  // a CSV that cannot be read, or a mapping naming a column it lacks, is refused before the database opens
  if (!['geojson', 'kml', 'gpx'].includes(resolveFileFormat(basename(positionals[0]), format))) {
    try {
      const { header, sample } = await sniffCsv(positionals[0])
      if (Object.keys(mapping).length > 0) resolveMapping(header, sample, mapping)
    } catch (err) {
      fail((err as Error).message)
    }
  }

  const config = loadConfig()
  const db = await openDb(config)
  const t0 = performance.now()
  try {
    await migrate(db)
    // written for an agency (default: the secretariat), shared as asked
    const agencies = await listAgencies(db)
    const agency = values.agency === undefined ? agencies.find((a) => a.id === SECRETARIAT_AGENCY_ID) : agencies.find((a) => a.name === values.agency || String(a.id) === values.agency)
    if (!agency) fail(`--agency: no agency named or numbered "${values.agency}" (npm run users -- agency list)`)
    let owner
    try {
      owner = agencyOwner({ agencyId: agency.id, state: agency.state }, values.sharing as Sharing, values.partners!.split(','))
    } catch (err) {
      if (err instanceof SharingError) fail(`--${err.field}: ${err.message}`)
      throw err
    }
    const report = await importFile(db, {
      path: positionals[0],
      fileName: basename(positionals[0]),
      owner,
      format,
      strict: values.strict,
      dataset: values.dataset,
      credit: values.credit,
      threat: values.threat,
      mapping,
      onProgress: ({ rows, bytesRead, totalBytes }) => {
        const s = (performance.now() - t0) / 1000
        process.stderr.write(`\r${rows.toLocaleString('en')} rows  ${Math.round(rows / s).toLocaleString('en')} rows/s  ${((100 * bytesRead) / Math.max(1, totalBytes)).toFixed(0)}%   `)
      },
    })
    process.stderr.write('\n')
    const { rejections = [], ...summary } = report
    console.log(JSON.stringify(summary, null, 2))
    for (const r of rejections.slice(0, 20)) console.log(`  line ${r.line}: ${r.field}: ${r.reason}`)
    if (rejections.length > 20) console.log(`  ... ${report.rejected - 20} more rejected rows (GET /api/imports/${report.id})`)
    if (report.noop) console.log('already imported: nothing changed')
    process.exitCode = report.status === 'completed' ? 0 : 1
  } catch (err) {
    // an unreadable file or a mapping naming a column the file lacks: say so, change nothing
    if (err instanceof ImportFileError || err instanceof CsvSniffError || err instanceof MappingError) fail(err.message)
    throw err
  } finally {
    await db.close()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
