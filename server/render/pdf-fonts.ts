// The report PDF's fonts: the static maps' Noto Sans and Noto Sans Arabic TTFs (server/render/png.ts),
// embedded as subsets by PDFKit and shaped by fontkit (its Arabic shaper applies init/medi/fina/isol,
// rlig and mark positioning). One thing is fixed here so text extracts exactly (pdftotext, search,
// screen readers): the ToUnicode map says which characters each glyph stands for, and PDFKit
// keys it by glyph, first use wins. Arabic breaks that: Noto decomposes أ into alef + hamza mark,
// so the alef glyph of "الأوسط" would also read أ in "لا"; fontkit also caches glyph objects with
// the characters of their first use. The encoder below gives each (glyph, characters) pair its own
// glyph id in the subset (a duplicate outline where needed), so every glyph maps to exactly the
// characters it was shaped from, and mirrored brackets of right-to-left runs map back to the
// characters the text holds.
import PDFDocument from 'pdfkit'
import { FONT_FILES } from './png.ts'

export type FontName = 'latin' | 'latin-bold' | 'arabic' | 'arabic-bold'

const FILES: Record<FontName, string> = { latin: FONT_FILES[0], 'latin-bold': FONT_FILES[1], arabic: FONT_FILES[2], 'arabic-bold': FONT_FILES[3] }

/** What the report code needs of a PDFKit embedded font (PDFKit keeps these internal). */
interface EmbeddedFont {
  font: FontkitFont
  subset: { includeGlyph(id: number): number; glyphs: number[] }
  unicode: number[][]
  widths: number[]
  scale: number
  layout(text: string, features: string[] | undefined): { glyphs: Glyph[]; positions: unknown[] }
  encode(text: string, features: string[] | undefined): [string[], unknown[]]
}
interface Glyph {
  id: number
  codePoints: number[]
  advanceWidth: number
}
interface FontkitFont {
  getGlyph(id: number, codePoints?: number[]): Glyph
  hasGlyphForCodePoint(codePoint: number): boolean
}

/** Characters drawn as their mirror image in right-to-left runs, both ways: ( ↔ ). */
const MIRRORED = new Map<number, number>(
  ['()', '[]', '{}', '<>', '«»', '‹›'].flatMap(([a, b]) => [
    [a.codePointAt(0)!, b.codePointAt(0)!],
    [b.codePointAt(0)!, a.codePointAt(0)!],
  ]),
)

/** A character as a right-to-left run draws it: brackets mirrored (Unicode Bidi_Mirrored), anything else as is. */
export function mirrored(ch: string): string {
  const m = MIRRORED.get(ch.codePointAt(0)!)
  return m === undefined ? ch : String.fromCodePoint(m)
}

/**
 * Replaces a PDFKit font's encoder with one that keeps every glyph's own characters (see the file
 * comment). `mirroredRun()` says whether the text being encoded was mirrored for a right-to-left run.
 */
function exactEncoder(embedded: EmbeddedFont, mirroredRun: () => boolean): void {
  const fontkit = embedded.font
  const cachedGlyph = fontkit.getGlyph.bind(fontkit)
  // a fresh view of the cached glyph per use, carrying the characters of this use
  fontkit.getGlyph = (id, codePoints = []) => Object.create(cachedGlyph(id, codePoints), { codePoints: { value: codePoints } }) as Glyph
  const gidOf = new Map<string, number>()
  const used = new Set<number>()
  embedded.encode = function encode(text, features) {
    // features always set: PDFKit lays text out word by word (and caches words) without them,
    // which would put the words of a right-to-left run in left-to-right order
    const { glyphs, positions } = this.layout(text, features ?? [])
    const unmirror = mirroredRun()
    const hex = glyphs.map((glyph) => {
      const codePoints = unmirror && glyph.codePoints.length === 1 ? [MIRRORED.get(glyph.codePoints[0]) ?? glyph.codePoints[0]] : glyph.codePoints
      const key = `${glyph.id}:${codePoints.join(',')}`
      let gid = gidOf.get(key)
      if (gid === undefined) {
        if (!used.has(glyph.id)) {
          used.add(glyph.id)
          gid = this.subset.includeGlyph(glyph.id)
        } else {
          // the same outline for other characters: a second entry in the subset
          this.subset.glyphs.push(glyph.id)
          gid = this.subset.glyphs.length - 1
        }
        gidOf.set(key, gid)
        this.widths[gid] = glyph.advanceWidth * this.scale
        this.unicode[gid] = codePoints
      }
      return gid.toString(16).padStart(4, '0')
    })
    return [hex, positions]
  }
}

/** A PDF document (A4 points, no margins: the report lays out every line itself) with the report fonts registered. */
export function reportDocument(options: { landscape: boolean; title: string; lang: string; created: Date }): { doc: PDFKit.PDFDocument; fonts: ReportFonts } {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.landscape ? 'landscape' : 'portrait',
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    lang: options.lang,
    displayTitle: true,
    info: { Title: options.title, Creator: 'Sahel Routes', Producer: 'Sahel Routes (PDFKit)', CreationDate: options.created },
  })
  let mirroring = false
  const embedded = new Map<FontName, EmbeddedFont>()
  for (const name of Object.keys(FILES) as FontName[]) {
    doc.registerFont(name, FILES[name])
    doc.font(name)
    const font = (doc as unknown as { _font: EmbeddedFont })._font
    exactEncoder(font, () => mirroring)
    embedded.set(name, font)
  }
  return {
    doc,
    fonts: {
      has: (name, codePoint) => embedded.get(name)!.font.hasGlyphForCodePoint(codePoint),
      setMirroring: (on) => {
        mirroring = on
      },
    },
  }
}

/** What the text layout asks of the fonts. */
export interface ReportFonts {
  /** whether the font has a glyph for the character */
  has(name: FontName, codePoint: number): boolean
  /** set while drawing a right-to-left run whose brackets were mirrored */
  setMirroring(on: boolean): void
}
