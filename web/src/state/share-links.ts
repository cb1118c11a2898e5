// The links the app hands out for a map state: the iframe snippet of a saved view, the static
// PNG and the data exports. Pure, so their exact text is tested without a browser.

import { mapStateToParams, type MapLayer, type MapState } from '../../../shared/map-state.ts'

/**
 * An `<iframe>` of the saved view `viewId`, `widthPx` by `heightPx`, on the service at `origin`;
 * `embedUrl` is the path the service gave with an embed token (`/embed/<id>?token=...`), used
 * instead of the plain `/embed/<id>` when the service needs sign-in.
 */
export function embedSnippet(options: { origin: string; viewId: string; widthPx: number; heightPx: number; title: string; embedUrl?: string }): string {
  const src = options.embedUrl !== undefined ? `${options.origin}${options.embedUrl}` : `${options.origin}/embed/${encodeURIComponent(options.viewId)}`
  return `<iframe src="${escapeAttribute(src)}" width="${Math.round(options.widthPx)}" height="${Math.round(options.heightPx)}" ` +
    `title="${escapeAttribute(options.title)}" style="border:0" loading="lazy" referrerpolicy="no-referrer-when-downgrade"></iframe>`
}

/** Text made safe inside a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** The service's static PNG of a state, `widthPx` by `heightPx` (path and query, same origin). */
export function staticPngUrl(state: MapState, widthPx: number, heightPx: number): string {
  const params = new URLSearchParams(mapStateToParams(state))
  params.set('width', String(Math.round(widthPx)))
  params.set('height', String(Math.round(heightPx)))
  return `/api/maps/static.png?${params}`
}

export const EXPORT_FORMATS = ['geojson', 'csv', 'kml'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
export type ExportDataset = 'routes' | 'incidents' | 'hotspots' | 'plan'

/** The state layer whose presence offers each dataset for export. */
const LAYER_OF_DATASET: Record<ExportDataset, MapLayer> = { routes: 'routes', incidents: 'incidents', hotspots: 'hotspots', plan: 'plan' }

/** One export link: a dataset in one format, with the state's filters. */
export interface ExportLink {
  dataset: ExportDataset
  format: ExportFormat
  href: string
}

/**
 * The exports of what the state shows: routes always, incidents, hotspot cells and plan sites
 * when their layer is on (and, for the plan, when a plan is chosen).
 */
export function exportLinks(state: MapState): ExportLink[] {
  const query = new URLSearchParams(mapStateToParams(state)).toString()
  const datasets = (Object.keys(LAYER_OF_DATASET) as ExportDataset[]).filter((dataset) =>
    dataset === 'routes' || (state.layers.includes(LAYER_OF_DATASET[dataset]) && (dataset !== 'plan' || state.plan !== null)))
  return datasets.flatMap((dataset) => EXPORT_FORMATS.map((format) => ({ dataset, format, href: `/api/exports/${dataset}.${format}?${query}` })))
}
