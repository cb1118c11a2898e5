// The report as pages of blocks (headings, paragraphs, key figures, tables, pictures), in the
// report's language with numbers as its locale writes them (Intl, as the charts do). Pure: the
// PDF (pdf.ts) and the HTML (html.ts) draw the same content.
import type { Sharing } from '../../shared/access.ts'
import { SERIES_COLOURS, timeSeriesSvg } from '../../shared/charts/time-series.ts'
import type { Language } from '../../shared/map-state.ts'
import { emergingPatternName, THREAT_NAMES } from '../../shared/vocabulary-names.ts'
import type { EmergingPattern } from '../../shared/emerging.ts'
import type { Threat } from '../../shared/vocabulary.ts'
import { longDate, words as mapWords } from '../geo/static-map/strings.ts'
import type { IncidentSeries } from '../repos/series.ts'
import type { ReportData } from './gather.ts'
import type { ReportSection } from './request.ts'
import { reportWords, type ReportWords } from './strings.ts'

export interface TableColumn {
  label: string
  /** numbers line up on the right: the end of an English line, the start of an Arabic one */
  numeric: boolean
  /** share of the table's width */
  weight: number
}

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; small?: boolean }
  | { kind: 'figures'; items: { label: string; value: string; change: string }[] }
  | { kind: 'table'; title?: string; columns: TableColumn[]; rows: string[][]; total?: string[] }
  /** an SVG picture (the map, a chart) of widthPx × heightPx, drawn at the text width */
  | { kind: 'picture'; svg: string; widthPx: number; heightPx: number; alt: string }

export interface ReportPage {
  section: 'cover' | ReportSection
  blocks: Block[]
}

export interface ReportContent {
  lang: Language
  dir: 'ltr' | 'rtl'
  title: string
  /** classification banner printed at the top and bottom of every page */
  banner: string
  bannerLevel: Sharing
  /** credits printed at the foot of every page */
  credits: string
  words: ReportWords
  pages: ReportPage[]
}

/** Colours of the classification banners, by sharing level. */
export const BANNER_COLOURS: Record<Sharing, string> = { national: '#8B1A1A', bilateral: '#A34E00', regional: '#1F4E79', public: '#2E6B30' }

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

/** Totals of a series: incidents, dead, missing per key and overall. */
function totals(s: IncidentSeries): { byKey: Map<string, { n: number; dead: number; missing: number }>; n: number; dead: number; missing: number } {
  const byKey = new Map(s.series.map((x) => [x.key, { n: sum(x.values), dead: sum(x.dead), missing: sum(x.missing) }]))
  const all = [...byKey.values()]
  return { byKey, n: sum(all.map((t) => t.n)), dead: sum(all.map((t) => t.dead)), missing: sum(all.map((t) => t.missing)) }
}

export function formatters(lang: Language) {
  const int = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 })
  const km = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 })
  const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' })
  const share = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 })
  const coord = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  return {
    int: (n: number) => int.format(n),
    km: (n: number) => km.format(n),
    share: (x: number) => share.format(x),
    coord: (x: number) => coord.format(x),
    /** change from before to now; an en dash when there was nothing before */
    change: (now: number, before: number) => (before === 0 ? (now === 0 ? pct.format(0) : '–') : pct.format((now - before) / before)),
  }
}

function banner(w: ReportWords, level: Sharing, partners: string[], names: Map<string, string>): string {
  return level === 'bilateral' && partners.length ? `${w.banner.bilateral} (${partners.map((p) => names.get(p) ?? p).join(', ')})` : w.banner[level]
}

/** The cover: title, period, region, filters, classification and contents. */
function cover(d: ReportData, w: ReportWords, title: string): ReportPage {
  const { request: r } = d
  const lang = r.lang
  const f = formatters(lang)
  const prev = { from: d.previousFilter.from!, to: d.previousFilter.to! }
  const family = mapWords(lang).family
  const list = (xs: string[], name: (x: string) => string) => (xs.length ? xs.map(name).join(', ') : w.all)
  return {
    section: 'cover',
    blocks: [
      { kind: 'heading', text: title },
      { kind: 'paragraph', text: w.subtitle },
      { kind: 'paragraph', text: `${w.period}: ${longDate(r.period.from, lang)} – ${longDate(r.period.to, lang)}` },
      { kind: 'paragraph', text: `${w.previousPeriod}: ${longDate(prev.from, lang)} – ${longDate(prev.to, lang)}` },
      { kind: 'paragraph', text: `${w.generated}: ${longDate(r.date, lang)}` },
      { kind: 'paragraph', text: `${w.region}: ${d.bbox.map((x) => f.coord(x)).join(' · ')}` },
      {
        kind: 'paragraph',
        text: `${w.filters}: ${w.threats}: ${list(r.state.filters.threats, (t) => THREAT_NAMES[lang][t as Threat] ?? t)}; ${w.families}: ${list(r.state.filters.families, (x) => family[x] ?? x)}; ${w.sources}: ${list(r.state.filters.sources, (x) => x)}`,
      },
      { kind: 'paragraph', text: w.bannerNote(banner(w, d.sharing.level, d.sharing.partners, d.countryNames)) },
      { kind: 'heading', text: w.contents },
      ...r.sections.map((s, i) => ({ kind: 'paragraph' as const, text: `${f.int(i + 1)}. ${w.sections[s]}` })),
    ],
  }
}

/** Key figures: totals with their change, then per country and per route family. */
function figures(d: ReportData, w: ReportWords): ReportPage {
  const lang = d.request.lang
  const f = formatters(lang)
  const now = totals(d.byCountry)
  const before = totals(d.previousByCountry)
  const casualties = d.byCountry.casualtyIncidents > 0
  const cas = (n: number) => (casualties ? f.int(n) : w.none)
  const columns = (first: string): TableColumn[] => [
    { label: first, numeric: false, weight: 3 },
    { label: w.incidents, numeric: true, weight: 1.2 },
    { label: w.change, numeric: true, weight: 1 },
    { label: w.dead, numeric: true, weight: 1 },
    { label: w.missing, numeric: true, weight: 1 },
  ]
  const rows = (cur: ReturnType<typeof totals>, prev: ReturnType<typeof totals>, name: (key: string) => string) =>
    [...cur.byKey.entries()].map(([key, t]) => [name(key), f.int(t.n), f.change(t.n, prev.byKey.get(key)?.n ?? 0), cas(t.dead), cas(t.missing)])
  const family = mapWords(lang).family
  const famNow = totals(d.byFamily)
  const famBefore = totals(d.previousByFamily)
  const total = [w.total, f.int(now.n), f.change(now.n, before.n), cas(now.dead), cas(now.missing)]
  const blocks: Block[] = [
    { kind: 'heading', text: w.sections.figures },
    {
      kind: 'figures',
      items: [
        { label: w.incidents, value: f.int(now.n), change: `${w.change}: ${f.change(now.n, before.n)}` },
        { label: w.dead, value: cas(now.dead), change: casualties ? `${w.change}: ${f.change(now.dead, before.dead)}` : w.noCasualties },
        { label: w.missing, value: cas(now.missing), change: casualties ? `${w.change}: ${f.change(now.missing, before.missing)}` : w.noCasualties },
      ],
    },
    { kind: 'table', title: w.perCountry, columns: columns(w.country), rows: rows(now, before, (k) => (k === 'none' ? w.atSea : (d.countryNames.get(k) ?? k))), total },
    { kind: 'table', title: w.perFamily, columns: columns(w.family), rows: rows(famNow, famBefore, (k) => (k === 'unassigned' ? w.unassigned : (family[k] ?? k))), total },
  ]
  if (d.byCountry.yearPrecise > 0) blocks.push({ kind: 'paragraph', text: w.yearPrecise(f.int(d.byCountry.yearPrecise)), small: true })
  return { section: 'figures', blocks }
}

/** Charts at 2 px a point, the text width wide and 42% as high, or less so two fit on a page. */
function charts(d: ReportData, w: ReportWords, box: { widthPt: number; heightPt: number }): ReportPage {
  const lang = d.request.lang
  const s = d.byThreat
  const widthPx = Math.round(box.widthPt * 2)
  const heightPx = Math.round(Math.min(widthPx * 0.42, (box.heightPt - 70) / 2 - 12) * 2)
  const threatSeries = s.series.map((x, i) => ({ key: x.key, label: THREAT_NAMES[lang][x.key as Threat] ?? x.key, color: SERIES_COLOURS[i % SERIES_COLOURS.length], values: x.values }))
  const title1 = w.chartByThreat(d.bucket)
  const blocks: Block[] = [
    { kind: 'heading', text: w.sections.charts },
    { kind: 'picture', svg: timeSeriesSvg({ periods: s.periods, series: threatSeries, widthPx, heightPx, kind: 'stacked-bar', locale: lang, title: title1, yLabel: w.incidents }), widthPx, heightPx, alt: title1 },
  ]
  if (d.byCountry.casualtyIncidents > 0) {
    const periods = d.byCountry.periods
    const add = (pick: 'dead' | 'missing') => periods.map((_, i) => sum(d.byCountry.series.map((x) => x[pick][i])))
    const title2 = w.chartCasualties(d.bucket)
    const svg = timeSeriesSvg({
      periods,
      series: [
        { key: 'dead', label: w.dead, color: '#B22222', values: add('dead') },
        { key: 'missing', label: w.missing, color: '#555555', values: add('missing') },
      ],
      widthPx,
      heightPx,
      kind: 'line',
      locale: lang,
      title: title2,
    })
    blocks.push({ kind: 'picture', svg, widthPx, heightPx, alt: title2 })
  }
  return { section: 'charts', blocks }
}

/** A table of `rows`, or the sentence `none` when there are none. */
function tableOrNote(columns: TableColumn[], rows: string[][], none: string): Block {
  return rows.length === 0 ? { kind: 'paragraph', text: none } : { kind: 'table', columns, rows }
}

function hotspots(d: ReportData, w: ReportWords): ReportPage {
  const f = formatters(d.request.lang)
  const t = d.trends
  const columns: TableColumn[] = [
    { label: w.rank, numeric: true, weight: 0.5 },
    { label: w.cell, numeric: false, weight: 1.8 },
    { label: w.country, numeric: false, weight: 1.6 },
    { label: w.incidents, numeric: true, weight: 1 },
    { label: w.category, numeric: false, weight: 2.6 },
  ]
  const rows = t.cells.map((c, i) => {
    const [pattern, side] = c.category.split('_') as [EmergingPattern, string]
    return [f.int(i + 1), c.h3, c.country ? (d.countryNames.get(c.country) ?? c.country) : w.atSea, f.int(c.n), emergingPatternName(d.request.lang, pattern, side === 'hot')]
  })
  const lead: Block = { kind: 'paragraph', text: w.hotspotsLead(t.res, t.bins.length, d.bucket), small: true }
  return { section: 'hotspots', blocks: [{ kind: 'heading', text: w.sections.hotspots }, lead, tableOrNote(columns, rows, w.noHotspots)] }
}

function routes(d: ReportData, w: ReportWords): ReportPage {
  const f = formatters(d.request.lang)
  const family = mapWords(d.request.lang).family
  const columns: TableColumn[] = [
    { label: w.route, numeric: false, weight: 3.2 },
    { label: w.family, numeric: false, weight: 1.6 },
    { label: w.lengthKm, numeric: true, weight: 1.1 },
    { label: w.countries, numeric: false, weight: 2.6 },
    { label: w.crossings, numeric: true, weight: 1 },
  ]
  const rows = d.routes.map((r) => [r.name, family[r.family] ?? r.family, f.km(r.lengthKm), r.countries.map((c) => d.countryNames.get(c) ?? c).join(', '), f.int(r.crossings)])
  return { section: 'routes', blocks: [{ kind: 'heading', text: w.sections.routes }, tableOrNote(columns, rows, w.noRoutes)] }
}

function plan(d: ReportData, w: ReportWords): ReportPage {
  const lang = d.request.lang
  const f = formatters(lang)
  const blocks: Block[] = [{ kind: 'heading', text: w.sections.plan }]
  const p = d.plan
  if (!p) return { section: 'plan', blocks: [...blocks, { kind: 'paragraph', text: w.noPlan }] }
  const result = p.result as { radius_km: number; covered_demand: number; total_demand: number; sites: { order: number; kind: 'new' | 'existing'; name: string | null; lng: number; lat: number; country: string | null; border_pair: string | null; border_km: number | null; covered_demand: number }[] }
  blocks.push(
    { kind: 'paragraph', text: w.planTitle(p.name, p.id) },
    { kind: 'paragraph', text: `${w.planSaved(longDate(p.created_at.slice(0, 10), lang))}. ${w.planSummary(f.int(result.sites.length), f.km(result.radius_km), f.share(result.total_demand > 0 ? result.covered_demand / result.total_demand : 0))}` },
    {
      kind: 'table',
      columns: [
        { label: w.site, numeric: true, weight: 0.6 },
        { label: w.category, numeric: false, weight: 1.1 },
        { label: w.position, numeric: false, weight: 2 },
        { label: w.country, numeric: false, weight: 1.5 },
        { label: w.border, numeric: false, weight: 1.8 },
        { label: w.coveredDemand, numeric: true, weight: 1.2 },
      ],
      rows: result.sites.map((s) => [
        f.int(s.order),
        s.name ? `${w.kind[s.kind]}: ${s.name}` : w.kind[s.kind],
        `${f.coord(s.lng)}${lang === 'ar' ? '، ' : ', '}${f.coord(s.lat)}`,
        s.country ? (d.countryNames.get(s.country) ?? s.country) : w.none,
        s.border_pair && s.border_km !== null ? `${s.border_pair} (${f.km(s.border_km)})` : w.none,
        result.total_demand > 0 ? f.share(s.covered_demand / result.total_demand) : w.none,
      ]),
    },
  )
  return { section: 'plan', blocks }
}

/** The report's pages: the cover, then each section asked for, in order; box is the text area of a page, points. */
export function reportContent(d: ReportData, box: { widthPt: number; heightPt: number }): ReportContent {
  const lang = d.request.lang
  const w = reportWords(lang)
  const title = d.request.title ?? w.defaultTitle
  const pages: ReportPage[] = [cover(d, w, title)]
  for (const s of d.request.sections) {
    if (s === 'map' && d.map) pages.push({ section: 'map', blocks: [{ kind: 'heading', text: w.sections.map }, { kind: 'picture', svg: d.map.svg, widthPx: d.mapPx.width, heightPx: d.mapPx.height, alt: w.sections.map }] })
    if (s === 'figures') pages.push(figures(d, w))
    if (s === 'charts') pages.push(charts(d, w, box))
    if (s === 'hotspots') pages.push(hotspots(d, w))
    if (s === 'routes') pages.push(routes(d, w))
    if (s === 'plan') pages.push(plan(d, w))
  }
  return {
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    title,
    banner: banner(w, d.sharing.level, d.sharing.partners, d.countryNames),
    bannerLevel: d.sharing.level,
    credits: `${w.sourcesLine}: ${d.credits.join(' · ')}`,
    words: w,
    pages,
  }
}
