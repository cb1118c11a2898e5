// Text on a PDFKit page in English, French or Arabic: each line goes through the bidi algorithm
// (bidi-runs.ts), each run is split by font (Arabic letters in Noto Sans Arabic, the rest in Noto
// Sans), shaped by fontkit as a whole run, and placed left to right in visual order. Lines wrap at
// spaces by measured widths. Units are PDF points; y is the top of a line.
import { bidiRuns } from './bidi-runs.ts'
import { mirrored, type FontName, type ReportFonts } from './pdf-fonts.ts'

export interface TextStyle {
  sizePt: number
  bold?: boolean
  /** CSS hex colour, default #222222 */
  color?: string
}

/** start and end follow the reading direction: start is the right edge in Arabic. */
export type Align = 'start' | 'center' | 'end'

interface Piece {
  text: string
  font: FontName
  rtl: boolean
  widthPt: number
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/

/** Line height as a multiple of the font size: room for Arabic ascenders and descenders. */
export const LINE_HEIGHT = 1.5
/** Baseline below the top of a line, as a multiple of the font size. */
const BASELINE = 1.08

export class PdfText {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: ReportFonts,
    readonly direction: 'ltr' | 'rtl',
  ) {}

  /** The font that draws a character: Arabic letters in Noto Sans Arabic, the rest in Noto Sans when it has them. */
  private fontFor(ch: string, bold: boolean): FontName {
    const [latin, arabic]: FontName[] = bold ? ['latin-bold', 'arabic-bold'] : ['latin', 'arabic']
    const cp = ch.codePointAt(0)!
    if (ARABIC.test(ch)) return arabic
    if (this.fonts.has(latin, cp) || !this.fonts.has(arabic, cp)) return latin
    return arabic
  }

  private measure(text: string, font: FontName, sizePt: number): number {
    return this.doc.font(font).fontSize(sizePt).widthOfString(text, { features: [] })
  }

  /** The pieces of one line in visual order, left to right. */
  private pieces(text: string, style: TextStyle): Piece[] {
    const out: Piece[] = []
    for (const run of bidiRuns(text, this.direction)) {
      // split the run by font, in logical order; spaces and punctuation stay with the letters before them
      const segments: { text: string; font: FontName }[] = []
      for (const ch of run.text) {
        const font = /[\s\p{P}]/u.test(ch) && segments.length > 0 ? segments.at(-1)!.font : this.fontFor(ch, style.bold === true)
        const last = segments.at(-1)
        if (last && last.font === font) last.text += ch
        else segments.push({ text: ch, font })
      }
      if (run.rtl) segments.reverse()
      for (const s of segments) {
        // fontkit reverses a run itself only when its script is right-to-left: brackets and
        // spaces alone in a right-to-left run are put in visual order here
        const chars = run.rtl ? Array.from(s.text, mirrored) : [s.text]
        const drawn = run.rtl && !ARABIC.test(s.text) ? chars.reverse().join('') : chars.join('')
        out.push({ text: drawn, font: s.font, rtl: run.rtl, widthPt: this.measure(drawn, s.font, style.sizePt) })
      }
    }
    return out
  }

  /** Width of one line of text, points. */
  width(text: string, style: TextStyle): number {
    return this.pieces(text, style).reduce((w, p) => w + p.widthPt, 0)
  }

  /** Draws one line in [x, x + widthPt] with its top at y, aligned in the reading direction; returns its width. */
  line(text: string, x: number, y: number, widthPt: number, style: TextStyle, align: Align = 'start'): number {
    const pieces = this.pieces(text, style)
    const total = pieces.reduce((w, p) => w + p.widthPt, 0)
    const physical = align === 'center' ? 'center' : (align === 'start') === (this.direction === 'ltr') ? 'left' : 'right'
    let at = physical === 'left' ? x : physical === 'right' ? x + widthPt - total : x + (widthPt - total) / 2
    const baseline = y + style.sizePt * BASELINE
    for (const p of pieces) {
      this.fonts.setMirroring(p.rtl)
      this.doc
        .font(p.font)
        .fontSize(style.sizePt)
        .fillColor(style.color ?? '#222222')
        .text(p.text, at, baseline, { lineBreak: false, baseline: 'alphabetic', features: [] })
      at += p.widthPt
    }
    this.fonts.setMirroring(false)
    return total
  }

  /** Lines of at most widthPt, broken at spaces (a word longer than the width stays whole). */
  wrap(text: string, widthPt: number, style: TextStyle): string[] {
    const lines: string[] = []
    for (const paragraph of text.split('\n')) {
      let line = ''
      for (const word of paragraph.split(/ +/).filter(Boolean)) {
        const next = line ? `${line} ${word}` : word
        if (line && this.width(next, style) > widthPt) {
          lines.push(line)
          line = word
        } else line = next
      }
      lines.push(line)
    }
    return lines
  }

  /** Draws wrapped text from the top y; returns the height used, points. */
  paragraph(text: string, x: number, y: number, widthPt: number, style: TextStyle, align: Align = 'start'): number {
    const lines = this.wrap(text, widthPt, style)
    lines.forEach((l, i) => this.line(l, x, y + i * style.sizePt * LINE_HEIGHT, widthPt, style, align))
    return lines.length * style.sizePt * LINE_HEIGHT
  }

  /** Height of the wrapped text, points. */
  paragraphHeight(text: string, widthPt: number, style: TextStyle): number {
    return this.wrap(text, widthPt, style).length * style.sizePt * LINE_HEIGHT
  }
}
