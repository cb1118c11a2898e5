// The header's tools: share and export (embed code, static PNG, report, data exports) and the language
// switcher. Links are built when used, from the state as it is at that moment. Each tool shows
// only when the viewer may use it (share, export).

import type { Permission } from '../../../shared/access.ts'
import { LANGUAGES, type Language, type MapState } from '../../../shared/map-state.ts'
import { exportLinks, staticPngUrl, type ExportDataset } from '../state/share-links.ts'
import { reportStrings } from '../reports/strings.ts'
import { h } from './dom.ts'
import { LOCALE, S } from './strings.ts'

export interface HeaderToolsOptions {
  /** The state to share, with the view as the map shows it now. */
  current(): MapState
  /** The map's size in CSS px, for the PNG. */
  mapSize(): { widthPx: number; heightPx: number }
  onEmbed(): void
  /** Opens the "Make report" dialog. */
  onReport(): void
  onLanguage(lang: Language): void
  /** Whether the viewer may do what a permission covers. */
  may(permission: Permission): boolean
}

const DATASET_LABEL: Record<ExportDataset, () => string> = {
  routes: () => S.exportRoutes,
  incidents: () => S.exportIncidents,
  hotspots: () => S.exportHotspots,
  plan: () => S.exportPlan,
}
const FORMAT_LABEL = { geojson: 'GeoJSON', csv: 'CSV', kml: 'KML' } as const

/** Fills `container` with the share group and the language picker. */
export function renderHeaderTools(container: HTMLElement, options: HeaderToolsOptions): void {
  const embed = h('button', { type: 'button', class: 'header-button', id: 'copy-embed' }, S.copyEmbed)
  embed.addEventListener('click', () => options.onEmbed())

  const png = h('a', { class: 'header-button', id: 'download-png', href: '/api/maps/static.png', download: 'sahel-routes-map.png' }, S.downloadPng)
  const refreshPng = () => {
    const { widthPx, heightPx } = options.mapSize()
    png.href = staticPngUrl(options.current(), Math.min(4000, Math.max(200, widthPx)), Math.min(4000, Math.max(200, heightPx)))
  }
  // The href is set before the browser follows it, so it always carries the current view.
  for (const type of ['pointerenter', 'focus', 'click']) png.addEventListener(type, refreshPng)
  const report = h('button', { type: 'button', class: 'header-button', id: 'make-report' }, reportStrings(LOCALE).button)
  report.addEventListener('click', () => options.onReport())

  const list = h('ul', { class: 'menu-list' })
  const menu = h('details', { class: 'header-menu', id: 'export-menu' }, h('summary', { class: 'header-button' }, S.exportMenu), list)
  const refreshExports = () => {
    const byDataset = new Map<ExportDataset, HTMLElement[]>()
    for (const link of exportLinks(options.current())) {
      const links = byDataset.get(link.dataset) ?? []
      links.push(h('a', { href: link.href, download: `${link.dataset}.${link.format}`, 'data-format': link.format }, FORMAT_LABEL[link.format]))
      byDataset.set(link.dataset, links)
    }
    list.replaceChildren(...[...byDataset].map(([dataset, links]) =>
      h('li', { 'data-dataset': dataset }, h('span', { class: 'menu-label' }, DATASET_LABEL[dataset]()), h('span', { class: 'menu-links' }, ...links))))
  }
  menu.addEventListener('toggle', () => {
    if (menu.open) refreshExports()
  })
  document.addEventListener('click', (event) => {
    if (menu.open && !menu.contains(event.target as Node)) menu.open = false
  })

  const language = h('select', { id: 'language', class: 'language-select', 'aria-label': S.languageLabel },
    ...LANGUAGES.map((lang) => h('option', { value: lang, lang, selected: lang === LOCALE }, S.languageNames[lang])))
  language.addEventListener('change', () => options.onLanguage(language.value as Language))

  const tools = [...(options.may('share') ? [embed] : []), ...(options.may('export') ? [png, report, menu] : [])]
  container.replaceChildren(
    ...(tools.length > 0 ? [h('div', { class: 'header-group', role: 'group', 'aria-label': S.shareGroup }, ...tools)] : []),
    h('label', { class: 'header-language' }, h('span', { class: 'visually-hidden' }, S.languageLabel), language),
  )
}
