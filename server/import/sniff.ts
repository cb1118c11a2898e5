// Reads just enough of a file to know its format: the name, and for CSV the header line.
import { parse } from 'csv-parse/sync'
import { open } from 'node:fs/promises'
import { csvFlavour, formatFromName, type CsvFormat, type ImportFormat } from '../geo/incident-parse/formats.ts'

/** The header cells of a CSV file (BOM stripped); throws when there is none. */
export async function readCsvHeader(path: string): Promise<string[]> {
  const handle = await open(path, 'r')
  try {
    const buf = Buffer.alloc(256 * 1024)
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0)
    const text = buf.subarray(0, bytesRead).toString('utf8')
    const [header] = parse(text, { bom: true, to_line: 1, relax_column_count: true, relax_quotes: true }) as string[][]
    if (!header || header.every((h) => h.trim() === '')) throw new Error('CSV: no header line')
    return header.map((h) => h.trim())
  } finally {
    await handle.close()
  }
}

/** Resolves 'auto' and the CSV flavour: iom, acled or generic csv, from the header. */
export async function resolveFormat(path: string, fileName: string, given: ImportFormat): Promise<Exclude<ImportFormat, 'auto'>> {
  const format = given === 'auto' ? formatFromName(fileName) : given
  if (format !== 'csv' || given === 'csv') return format as Exclude<ImportFormat, 'auto'>
  return csvFlavour(await readCsvHeader(path)) satisfies CsvFormat
}
