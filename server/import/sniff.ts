// Reads just enough of a file to know its format: the name, and for CSV the header line, the
// delimiter and the first rows (the sample the mapping step reads coordinate and date forms from).
import { parse } from 'csv-parse/sync'
import { open } from 'node:fs/promises'
import { formatFromName, type ImportFormat } from '../geo/incident-parse/formats.ts'

/** Rows read for the mapping step's sample. */
export const SAMPLE_ROWS = 50
const SNIFF_BYTES = 256 * 1024

export interface CsvSniff {
  /** header cells, trimmed, BOM stripped */
  header: string[]
  /** "," or ";" (spreadsheets in French locales write ";") */
  delimiter: ',' | ';' | '\t'
  /** the first data rows (at most SAMPLE_ROWS) */
  sample: string[][]
}

/** The header, delimiter and first rows of a CSV file; throws when there is no header. */
export async function sniffCsv(path: string): Promise<CsvSniff> {
  const handle = await open(path, 'r')
  let text: string
  try {
    const buf = Buffer.alloc(SNIFF_BYTES)
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0)
    text = buf.subarray(0, bytesRead).toString('utf8')
    // a cut-off last line would read as a broken row
    if (bytesRead === buf.length && text.lastIndexOf('\n') > 0) text = text.slice(0, text.lastIndexOf('\n') + 1)
  } finally {
    await handle.close()
  }
  const firstLine = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? ''
  if (/\u0000/.test(text) || firstLine.trim() === '') throw new Error(firstLine.trim() === '' ? 'CSV: no header line (the file is empty or starts with a blank line)' : 'not a text file: it holds NUL bytes (a spreadsheet or archive? export it as CSV)')
  const count = (c: string) => firstLine.split(c).length - 1
  const delimiter = count(';') > count(',') ? ';' : count('\t') > count(',') ? '\t' : ','
  let rows: string[][]
  try {
    rows = parse(text, { bom: true, delimiter, to_line: SAMPLE_ROWS + 1, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][]
  } catch (err) {
    throw new Error(`CSV: ${(err as Error).message}`)
  }
  const [header, ...sample] = rows
  if (!header || header.every((h) => h.trim() === '')) throw new Error('CSV: no header line')
  return { header: header.map((h) => h.trim()), delimiter, sample }
}

/** Resolves 'auto' to a format by the file's name: csv, geojson, kml or gpx (the CSV flavour comes from its mapping). */
export function resolveFileFormat(fileName: string, given: ImportFormat): Exclude<ImportFormat, 'auto'> {
  return (given === 'auto' ? formatFromName(fileName) : given) as Exclude<ImportFormat, 'auto'>
}
