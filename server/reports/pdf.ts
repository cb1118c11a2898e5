// The report as an A4 PDF (PDFKit): classification banners at the top and bottom of every page,
// the credits and the page number at its foot, each section from a new page, tables that carry on
// over pages with their header repeated, the map and charts rasterised by resvg from the same SVG
// the static maps and the web app draw. Arabic runs right to left (pdf-text.ts) and the layout
// mirrors: table columns and key figures start on the right.
import { svgToPng } from '../render/png.ts'
import { reportDocument } from '../render/pdf-fonts.ts'
import { LINE_HEIGHT, PdfText, type TextStyle } from '../render/pdf-text.ts'
import { BANNER_COLOURS, type Block, type ReportContent, type TableColumn } from './content.ts'

/** A4 in points. */
export const A4_PT = { width: 595.28, height: 841.89 }
const MARGIN = 42
const BANNER = 16
const FOOTER = 34
/** Pictures are rasterised at this resolution (px per SVG px): 1.5 × 96 = 144 dpi at 2 px a point. */
const PICTURE_DPI = 144

const INK = '#222222'
const MUTED = '#5C5246'
const RULE = '#C9C1B6'
const HEAD_FILL = '#EEE9E0'

/** Page size and the text box of an orientation, points. */
export function pageGeometry(landscape: boolean) {
  const width = landscape ? A4_PT.height : A4_PT.width
  const height = landscape ? A4_PT.width : A4_PT.height
  const top = BANNER + 26
  const bottom = height - BANNER - FOOTER - 8
  return { width, height, x: MARGIN, contentWidth: width - 2 * MARGIN, top, bottom }
}

/** Space under the map heading, points: the picture fills the rest of its page. */
export function mapHeightPt(landscape: boolean): number {
  const g = pageGeometry(landscape)
  return g.bottom - g.top - 40
}

/** Renders the content; pictures are rasterised first (off the event loop), then the pages are laid out. */
export async function reportPdf(content: ReportContent, options: { landscape: boolean; created: Date }): Promise<Buffer> {
  const pictures = new Map<string, Buffer>()
  for (const page of content.pages) for (const b of page.blocks) if (b.kind === 'picture' && !pictures.has(b.svg)) pictures.set(b.svg, await svgToPng(b.svg, PICTURE_DPI))

  const { doc, fonts } = reportDocument({ landscape: options.landscape, title: content.title, lang: content.lang, created: options.created })
  const g = pageGeometry(options.landscape)
  const text = new PdfText(doc, fonts, content.dir)
  const rtl = content.dir === 'rtl'
  let y = g.top

  const newPage = () => {
    doc.addPage()
    y = g.top
  }
  const ensure = (h: number) => {
    if (y + h > g.bottom && y > g.top) newPage()
  }
  const para = (t: string, style: TextStyle, gap = 4) => {
    const h = text.paragraphHeight(t, g.contentWidth, style)
    ensure(h)
    y += text.paragraph(t, g.x, y, g.contentWidth, style) + gap
  }

  /** Columns left to right on the page: the first column is on the right in Arabic. */
  const columnBoxes = (columns: TableColumn[]) => {
    const total = columns.reduce((s, c) => s + c.weight, 0)
    let x = rtl ? g.x + g.contentWidth : g.x
    return columns.map((c) => {
      const w = (c.weight / total) * g.contentWidth
      const box = { x: rtl ? x - w : x, w }
      x += rtl ? -w : w
      return box
    })
  }

  const table = (b: Extract<Block, { kind: 'table' }>) => {
    const cell: TextStyle = { sizePt: 8.5 }
    const head: TextStyle = { sizePt: 8.5, bold: true }
    const pad = 4
    const boxes = columnBoxes(b.columns)
    const rowHeight = (cells: string[], style: TextStyle) => Math.max(...cells.map((c, i) => text.paragraphHeight(c, boxes[i].w - 2 * pad, style))) + 2 * pad
    const drawRow = (cells: string[], style: TextStyle, fill: string | null) => {
      const h = rowHeight(cells, style)
      if (fill) doc.rect(g.x, y, g.contentWidth, h).fill(fill)
      cells.forEach((c, i) => text.paragraph(c, boxes[i].x + pad, y + pad, boxes[i].w - 2 * pad, style, b.columns[i].numeric && !rtl ? 'end' : 'start'))
      doc.moveTo(g.x, y + h).lineTo(g.x + g.contentWidth, y + h).lineWidth(0.5).strokeColor(RULE).stroke()
      y += h
    }
    const header = () => drawRow(b.columns.map((c) => c.label), head, HEAD_FILL)
    if (b.title) {
      ensure(11 * LINE_HEIGHT + rowHeight(b.columns.map((c) => c.label), head) * 2)
      y += text.paragraph(b.title, g.x, y, g.contentWidth, { sizePt: 11, bold: true, color: MUTED }) + 2
    }
    ensure(rowHeight(b.columns.map((c) => c.label), head) * 2)
    header()
    for (const row of b.rows) {
      if (y + rowHeight(row, cell) > g.bottom) {
        newPage()
        header()
      }
      drawRow(row, cell, null)
    }
    if (b.total) {
      if (y + rowHeight(b.total, head) > g.bottom) newPage()
      drawRow(b.total, head, null)
    }
    y += 12
  }

  const figures = (b: Extract<Block, { kind: 'figures' }>) => {
    const gap = 10
    const w = (g.contentWidth - gap * (b.items.length - 1)) / b.items.length
    const h = 74
    ensure(h)
    b.items.forEach((item, i) => {
      const x = rtl ? g.x + g.contentWidth - (i + 1) * w - i * gap : g.x + i * (w + gap)
      doc.roundedRect(x, y, w, h, 4).lineWidth(0.8).strokeColor(RULE).stroke()
      text.line(item.label, x + 8, y + 6, w - 16, { sizePt: 9, color: MUTED })
      text.line(item.value, x + 8, y + 20, w - 16, { sizePt: 20, bold: true })
      text.line(item.change, x + 8, y + 52, w - 16, { sizePt: 8, color: MUTED })
    })
    y += h + 14
  }

  const picture = (b: Extract<Block, { kind: 'picture' }>) => {
    let w = g.contentWidth
    let h = (w * b.heightPx) / b.widthPx
    if (y + h > g.bottom && y > g.top + 40) newPage()
    const room = g.bottom - y
    if (h > room) [w, h] = [(w * room) / h, room]
    doc.image(pictures.get(b.svg)!, g.x + (g.contentWidth - w) / 2, y, { width: w, height: h })
    y += h + 12
  }

  content.pages.forEach((page, pageIndex) => {
    newPage()
    doc.outline.addItem(page.section === 'cover' ? content.title : ((page.blocks[0] as { text?: string }).text ?? page.section))
    if (page.section === 'cover') y = g.top + 60
    page.blocks.forEach((b, i) => {
      if (b.kind === 'heading') {
        const size = pageIndex === 0 && i === 0 ? 24 : 16
        ensure(size * LINE_HEIGHT * 2)
        if (i > 0) y += 8
        y += text.paragraph(b.text, g.x, y, g.contentWidth, { sizePt: size, bold: true, color: '#1F2A36' }) + 6
      } else if (b.kind === 'paragraph') para(b.text, { sizePt: b.small ? 8.5 : 10.5, color: b.small ? MUTED : INK }, b.small ? 6 : 4)
      else if (b.kind === 'figures') figures(b)
      else if (b.kind === 'table') table(b)
      else picture(b)
    })
  })

  // banners, credits and page numbers, once the number of pages is known
  const range = doc.bufferedPageRange()
  const bannerStyle: TextStyle = { sizePt: 8, bold: true, color: '#FFFFFF' }
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    for (const top of [0, g.height - BANNER]) {
      doc.rect(0, top, g.width, BANNER).fill(BANNER_COLOURS[content.bannerLevel])
      text.line(content.banner, 0, top + 1.5, g.width, bannerStyle, 'center')
    }
    const foot = g.height - BANNER - FOOTER
    doc.moveTo(g.x, foot).lineTo(g.x + g.contentWidth, foot).lineWidth(0.5).strokeColor(RULE).stroke()
    const pageNo = content.words.page(i - range.start + 1, range.count)
    const numberWidth = text.width(pageNo, { sizePt: 7.5 }) + 12
    const creditLines = text.wrap(content.credits, g.contentWidth - numberWidth, { sizePt: 7 }).slice(0, 2)
    creditLines.forEach((l, k) => text.line(l, rtl ? g.x + numberWidth : g.x, foot + 4 + k * 10.5, g.contentWidth - numberWidth, { sizePt: 7, color: MUTED }))
    text.line(pageNo, g.x, foot + 4, g.contentWidth, { sizePt: 7.5, color: MUTED }, 'end')
  }

  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve)
    doc.on('error', reject)
  })
  doc.end()
  await done
  return Buffer.concat(chunks)
}
