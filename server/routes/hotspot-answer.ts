// The cells of a GET /api/hotspots answer written straight to JSON text. The route's response
// schema serialiser (fast-json-stringify) takes ~1.6 s for the ~280,000 cells of Gi* at res 7
// over the zone, and building one object per cell first as long again; this writes the same
// bytes from the cell columns and the Gi* arrays in a fraction of that (hotspot-answer.test.ts
// checks it against the schema serialiser).
import { keyCell, unusedHexDigits } from '../../shared/cell-rings.ts'
import { POWERS_OF_TEN } from '../../shared/decimals.ts'
import { GISTAR_DECIMALS, HOTSPOT_CLASSES, hotspotClass, hotspotClassIndex, listed, listedEntries, type GiStarArrays, type GiStarCell } from '../../shared/gistar.ts'
import type { CellColumns } from '../repos/hotspots.ts'

/** A JSON answer already serialised, as UTF-8 bytes: sendCachedJson sends them as they are. */
export class JsonText {
  constructor(readonly bytes: Buffer) {}
}

/** The hex H3 index of column cell i (the given string when the columns carry them). */
function cellAt(cells: CellColumns, i: number): string {
  return cells.h3 ? cells.h3[i] : keyCell(cells.keys[i], cells.res)
}

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1')
const CELL_OPEN = Buffer.from('{"h3":"', 'latin1')
const NEXT_CELL_OPEN = Buffer.from(',{"h3":"', 'latin1')
const VALUE_KEY = Buffer.from('","value":', 'latin1')
const N_KEY = Buffer.from(',"n":', 'latin1')
const CELL_CLOSE = Buffer.from('}', 'latin1')
const Z_KEY = Buffer.from(',"z":', 'latin1')
const P_KEY = Buffer.from(',"p":', 'latin1')
const Q_KEY = Buffer.from(',"q":', 'latin1')
/** ,"class":"…"} of each class, in HOTSPOT_CLASSES' order */
const CLASS_TAILS = HOTSPOT_CLASSES.map((c) => Buffer.from(`,"class":"${c}"}`, 'latin1'))
/** Room for one cell whatever its numbers: keys, a 16-character cell and 5 numbers of at most 25 characters. */
const CELL_ROOM = 256

// The writers below put bytes at buf[at..] and return the position after them. The caller makes
// room first (CELL_ROOM per cell): no bounds check, no object field updated per byte.

/** ASCII bytes already encoded (the keys between values). */
function putBytes(buf: Buffer, at: number, bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) buf[at++] = bytes[i]
  return at
}

/** A non-negative integer below 2^31, digit by digit. */
function putSmallInt(buf: Buffer, at: number, x: number): number {
  let digits = 1
  for (let t = x; t >= 10; t = (t / 10) | 0) digits++
  for (let d = digits - 1; d >= 0; d--) {
    const q = (x / 10) | 0
    buf[at + d] = 0x30 + x - q * 10
    x = q
  }
  return at + digits
}

/** A number as JSON.stringify writes it: safe integers digit by digit, other numbers through String() (at most 25 characters). */
function putNumber(buf: Buffer, at: number, x: number): number {
  if (x >= 0 && x < 2147483648 && (x | 0) === x) return putSmallInt(buf, at, x)
  if (!Number.isSafeInteger(x)) return at + buf.write(String(x), at, 'latin1')
  if (x < 0) {
    buf[at++] = 0x2d // '-'
    x = -x
  }
  let digits = 1
  for (let t = x; t >= 10; t = Math.floor(t / 10)) digits++
  for (let d = digits - 1; d >= 0; d--) {
    const q = Math.floor(x / 10)
    buf[at + d] = 0x30 + (x - q * 10)
    x = q
  }
  return at + digits
}

/**
 * x, a number of at most `digits` (≤ 6) decimals (roundDecimals), as String(x) writes it: its
 * integer part, then its decimals without trailing zeros; any other number through putNumber.
 * Below 2^31 units of the last decimal the nearest double to such a decimal prints as the decimal.
 */
function putFixed(buf: Buffer, at: number, x: number, digits: number): number {
  const f = POWERS_OF_TEN[digits]
  const units = Math.round(x * f)
  if (!(units > -2147483648 && units < 2147483648) || units / f !== x) return putNumber(buf, at, x)
  let abs = units
  if (units < 0) {
    buf[at++] = 0x2d // '-'
    abs = -units
  }
  const whole = (abs / f) | 0
  let decimals = abs - whole * f
  at = putSmallInt(buf, at, whole)
  if (decimals === 0) return at
  let places = digits
  for (let q = (decimals / 10) | 0; decimals === q * 10; q = (decimals / 10) | 0) {
    decimals = q
    places--
  }
  buf[at] = 0x2e // '.'
  for (let d = places; d >= 1; d--) {
    const q = (decimals / 10) | 0
    buf[at + d] = 0x30 + decimals - q * 10
    decimals = q
  }
  return at + places + 1
}

/** The hex H3 index of a cellKey at resolution res: its key digits, then the unused trailing digits as 'f'. */
function putCell(buf: Buffer, at: number, key: number, res: number): number {
  const unused = unusedHexDigits(res)
  const hi = Math.floor(key / 4294967296)
  const lo = key >>> 0
  for (let d = 14 - unused; d >= 8; d--) buf[at++] = HEX_DIGITS[(hi >>> (4 * (d - 8))) & 15]
  for (let d = Math.min(7, 14 - unused); d >= 0; d--) buf[at++] = HEX_DIGITS[(lo >>> (4 * d)) & 15]
  for (let d = 0; d < unused; d++) buf[at++] = 0x66 // 'f'
  return at
}

/** ,"z":…,"p":…,"q":…,"class":"…"} of a Gi* cell. */
function putGiTail(buf: Buffer, at: number, z: number, p: number, q: number): number {
  at = putBytes(buf, at, Z_KEY)
  at = putFixed(buf, at, z, GISTAR_DECIMALS.z)
  at = putBytes(buf, at, P_KEY)
  at = putFixed(buf, at, p, GISTAR_DECIMALS.p)
  at = putBytes(buf, at, Q_KEY)
  at = putFixed(buf, at, q, GISTAR_DECIMALS.p)
  return putBytes(buf, at, CLASS_TAILS[hotspotClassIndex(z, q)])
}

/** buf, or a copy of its first `at` bytes in a buffer twice as large (or more) when `more` bytes would not fit after them. */
function withRoom(buf: Buffer<ArrayBuffer>, at: number, more: number): Buffer<ArrayBuffer> {
  if (at + more <= buf.length) return buf
  const grown = Buffer.allocUnsafe(Math.max(buf.length * 2, at + more))
  buf.copy(grown, 0, 0, at)
  return grown
}

/** putGiTail of each entry of the Gi* statistics, as views into one buffer. */
function giTails(gi: GiStarArrays): Buffer[] {
  const count = gi.z.length
  // a tail is ~55 bytes (a few hundred entries over the zone; one per cell at worst, with sums)
  let bytes = Buffer.allocUnsafe(count * 64 + CELL_ROOM)
  const offsets = new Int32Array(count + 1)
  let at = 0
  for (let j = 0; j < count; j++) {
    bytes = withRoom(bytes, at, CELL_ROOM)
    offsets[j + 1] = at = putGiTail(bytes, at, gi.z[j], gi.p[j], gi.q[j])
  }
  return Array.from({ length: count }, (_, j) => bytes.subarray(offsets[j], offsets[j + 1]))
}

/**
 * The answer's JSON as one buffer: `serialised` (the answer with an empty cells array, from the
 * route's schema serialiser) with its cells written in, or null when a number is one the schema
 * serialiser writes otherwise (see cellsJson).
 */
export function answerJson(serialised: string, cells: CellColumns, gi?: GiStarArrays): JsonText | null {
  const at = serialised.indexOf('"cells":[]')
  if (at < 0) throw new Error('the serialised answer has no empty cells array')
  const bytes = writeCells(cells, gi, serialised.slice(0, at + '"cells":'.length), serialised.slice(at + '"cells":[]'.length))
  return bytes && new JsonText(bytes)
}

/**
 * The `cells` array as the response schema writes it (keys h3, value, n and, with Gi*, z, p, q,
 * class; the listed zero-filled neighbours after the given cells, with n = 0), as bytes, or null
 * when a number is one the schema serialiser writes otherwise (not finite, or a non-integer n):
 * the caller then serialises objects as before.
 */
export function cellsJson(cells: CellColumns, gi?: GiStarArrays): Buffer | null {
  return writeCells(cells, gi, '', '')
}

/** cellsJson between the text `before` and `after`. */
function writeCells(cells: CellColumns, gi: GiStarArrays | undefined, before: string, after: string): Buffer | null {
  const count = cells.keys.length
  const { n, values, h3, res } = cells
  for (let i = 0; i < count; i++) if (!Number.isFinite(values[i]) || !Number.isInteger(n[i])) return null
  if (gi) for (let j = 0; j < gi.z.length; j++) if (!Number.isFinite(gi.z[j]) || !Number.isFinite(gi.p[j]) || !Number.isFinite(gi.q[j])) return null
  const total = gi ? gi.keys.length : count
  // whether a zero-filled neighbour is listed follows from its entry of the statistics
  const listedEntry = gi ? listedEntries(gi) : null
  let shown = count
  if (gi) for (let i = count; i < total; i++) shown += listedEntry![gi.of[i]]
  // the z, p, q and class of each entry of the statistics written once, copied to each cell holding it
  const tails = gi ? giTails(gi) : null
  const closing = Buffer.from(`]${after}`)
  // the expected size (Gi* cells are ~105 bytes, count cells ~45), grown when a cell may not fit
  let buf = Buffer.allocUnsafe(Buffer.byteLength(before) + shown * (gi ? 110 : 50) + CELL_ROOM + closing.length)
  let at = buf.write(before, 0)
  buf[at++] = 0x5b // '['
  const first = at
  for (let i = 0; i < total; i++) {
    if (i >= count && listedEntry![gi!.of[i]] === 0) continue
    const given = i < count && h3 ? h3[i] : undefined
    buf = withRoom(buf, at, CELL_ROOM + (given?.length ?? 0))
    at = putBytes(buf, at, at === first ? CELL_OPEN : NEXT_CELL_OPEN)
    // the study area starts with the given cells, in their order: gi.keys[i] = cells.keys[i] below count
    if (given !== undefined) at += buf.write(given, at, 'latin1')
    else at = putCell(buf, at, gi ? gi.keys[i] : cells.keys[i], res)
    at = putBytes(buf, at, VALUE_KEY)
    at = putNumber(buf, at, i < count ? values[i] : 0)
    at = putBytes(buf, at, N_KEY)
    at = putNumber(buf, at, i < count ? n[i] : 0)
    if (!tails) {
      at = putBytes(buf, at, CELL_CLOSE)
      continue
    }
    const tail = tails[gi!.of[i]]
    buf.set(tail, at)
    at += tail.length
  }
  buf = withRoom(buf, at, closing.length)
  at += closing.copy(buf, at)
  return buf.subarray(0, at)
}

/** The listed Gi* cells as objects (the schema serialiser's input), n from the columns, 0 for the zero-filled neighbours. */
export function giStarCells(cells: CellColumns, gi: GiStarArrays): (GiStarCell & { n: number })[] {
  const count = cells.keys.length
  const out: (GiStarCell & { n: number })[] = []
  for (let i = 0; i < gi.keys.length; i++) {
    if (!listed(gi, i)) continue
    const j = gi.of[i]
    out.push({
      h3: i < count ? cellAt(cells, i) : keyCell(gi.keys[i], gi.res),
      value: i < count ? cells.values[i] : 0,
      n: i < count ? cells.n[i] : 0,
      z: gi.z[j],
      p: gi.p[j],
      q: gi.q[j],
      class: hotspotClass(gi.z[j], gi.q[j]),
    })
  }
  return out
}

/** The count cells as objects (the schema serialiser's input). */
export function countCells(cells: CellColumns): { h3: string; value: number; n: number }[] {
  return Array.from(cells.keys, (_, i) => ({ h3: cellAt(cells, i), value: cells.values[i], n: cells.n[i] }))
}
