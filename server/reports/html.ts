// The report as one self-contained HTML page for intranets: the same content as the PDF, with
// lang and dir set on the document (the browser shapes and orders Arabic itself), the map and
// charts as inline SVG, the classification banner at the top and bottom, credits in the footer.
// Nothing is loaded from elsewhere.
import { escapeXml } from '../../shared/svg-text.ts'
import { BANNER_COLOURS, type Block, type ReportContent } from './content.ts'

const esc = escapeXml

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h2>${esc(b.text)}</h2>`
    case 'paragraph':
      return `<p${b.small ? ' class="small"' : ''}>${esc(b.text)}</p>`
    case 'figures':
      return `<div class="figures">${b.items.map((i) => `<div class="figure"><div class="label">${esc(i.label)}</div><div class="value">${esc(i.value)}</div><div class="change">${esc(i.change)}</div></div>`).join('')}</div>`
    case 'table': {
      const cls = (numeric: boolean) => (numeric ? ' class="num"' : '')
      const head = `<tr>${b.columns.map((c) => `<th${cls(c.numeric)}>${esc(c.label)}</th>`).join('')}</tr>`
      const row = (cells: string[]) => `<tr>${cells.map((c, i) => `<td${cls(b.columns[i].numeric)}>${esc(c)}</td>`).join('')}</tr>`
      return `${b.title ? `<h3>${esc(b.title)}</h3>` : ''}<table><thead>${head}</thead><tbody>${b.rows.map(row).join('')}</tbody>${b.total ? `<tfoot>${row(b.total)}</tfoot>` : ''}</table>`
    }
    case 'picture':
      return `<figure role="img" aria-label="${esc(b.alt)}">${b.svg.replace('<svg ', '<svg style="max-width:100%;height:auto" ')}</figure>`
  }
}

/** The report as an HTML document. */
export function reportHtml(content: ReportContent): string {
  const colour = BANNER_COLOURS[content.bannerLevel]
  const banner = `<div class="banner" role="note">${esc(content.banner)}</div>`
  return [
    '<!doctype html>',
    `<html lang="${content.lang}" dir="${content.dir}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(content.title)}</title>`,
    '<style>',
    `body{margin:0;font-family:'Noto Sans','Noto Sans Arabic',system-ui,sans-serif;color:#222;background:#fff}`,
    `.banner{background:${colour};color:#fff;font-weight:700;font-size:12px;text-align:center;padding:3px 8px;letter-spacing:.04em}`,
    'main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem}section{margin:2rem 0;page-break-before:always}section:first-child{page-break-before:auto}',
    'h2{color:#1F2A36;margin:.2rem 0 .6rem}h3{color:#5C5246;font-size:1rem}p.small{color:#5C5246;font-size:.85rem}',
    '.figures{display:flex;gap:.8rem;flex-wrap:wrap}.figure{flex:1;min-width:10rem;border:1px solid #C9C1B6;border-radius:4px;padding:.5rem .7rem}',
    '.figure .label,.figure .change{color:#5C5246;font-size:.85rem}.figure .value{font-size:1.8rem;font-weight:700}',
    'table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.4rem 0 1rem}th,td{border-bottom:1px solid #C9C1B6;padding:.3rem .4rem;text-align:start;vertical-align:top}',
    'th{background:#EEE9E0}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}tfoot td{font-weight:700}figure{margin:0}',
    'footer{color:#5C5246;font-size:.8rem;border-top:1px solid #C9C1B6;padding-top:.4rem;margin-top:2rem}',
    '</style></head>',
    '<body>',
    banner,
    '<main>',
    ...content.pages.map((p) => `<section data-section="${p.section}">${p.blocks.map(block).join('')}</section>`),
    `<footer>${esc(content.credits)}</footer>`,
    '</main>',
    banner,
    '</body></html>',
  ].join('\n')
}
