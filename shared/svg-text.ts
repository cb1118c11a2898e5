// SVG text building blocks shared by the static maps (server/geo/static-map) and the charts
// (shared/charts): escaped text, attributes and text elements that render the same in browsers
// and in resvg (the PNG renderer), Arabic included.
import type { Language } from './map-state.ts'

/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)
}

/** Strips the characters XML 1.0 forbids (C0 controls but tab and newlines, lone surrogates, U+FFFE/F). */
export function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
}

/** Number as SVG writes it: at most 1 decimal, no trailing zeros, no "-0". */
export const n1 = (x: number): string => String(Math.round(x * 10) / 10 || 0)

const RTL_CHARS = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/

/** Whether a text holds right-to-left (Arabic or Hebrew) letters. */
export function hasRtl(text: string): boolean {
  return RTL_CHARS.test(text)
}

export const FONT_LATIN = "'Noto Sans', 'Noto Sans Arabic', sans-serif"
export const FONT_ARABIC = "'Noto Sans Arabic', 'Noto Sans', sans-serif"

export interface TextOptions {
  x: number
  y: number
  sizePx: number
  /** physical alignment at x: start = text begins at x on its left, whatever the script */
  anchor?: 'start' | 'middle' | 'end'
  weight?: 400 | 700
  fill?: string
  /** a light outline behind the glyphs, for labels over the map */
  halo?: string
  lang: Language
  /** extra attributes, already escaped */
  attrs?: string
}

/**
 * A <text> element. Right-to-left text is wrapped in RLE … PDF (U+202B, U+202C) so its words run
 * right to left while text-anchor stays physical: browsers read text-anchor against `direction`
 * but resvg does not, so `direction="rtl"` would place the text differently in SVG and PNG.
 */
export function textEl(text: string, o: TextOptions): string {
  const clean = xmlSafe(text)
  const rtl = o.lang === 'ar' || hasRtl(clean)
  const body = escapeXml(rtl ? `\u202B${clean}\u202C` : clean)
  const halo = o.halo ? ` stroke="${o.halo}" stroke-width="${n1(o.sizePx / 4)}" stroke-linejoin="round" paint-order="stroke"` : ''
  return (
    `<text x="${n1(o.x)}" y="${n1(o.y)}" font-family="${rtl ? FONT_ARABIC : FONT_LATIN}" font-size="${n1(o.sizePx)}"` +
    `${o.weight === 700 ? ' font-weight="700"' : ''}${o.anchor && o.anchor !== 'start' ? ` text-anchor="${o.anchor}"` : ''}` +
    ` fill="${o.fill ?? '#222'}"${halo} xml:lang="${rtl ? 'ar' : o.lang}"${o.attrs ? ` ${o.attrs}` : ''}>${body}</text>`
  )
}

/** A rough rendered width of a text in px (Noto Sans averages about 0.55 em per character). */
export function textWidthPx(text: string, sizePx: number, weight: 400 | 700 = 400): number {
  let em = 0
  for (const ch of text) em += /[ .,:;'’|!il1]/.test(ch) ? 0.3 : /[A-Z0-9MWmw]/.test(ch) ? 0.64 : 0.54
  return em * sizePx * (weight === 700 ? 1.06 : 1)
}

/** Splits a text into lines no wider than maxPx (at word breaks; a long word stays whole). */
export function wrapText(text: string, sizePx: number, maxPx: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word
    if (line && textWidthPx(next, sizePx) > maxPx) {
      lines.push(line)
      line = word
    } else line = next
  }
  if (line) lines.push(line)
  return lines
}
