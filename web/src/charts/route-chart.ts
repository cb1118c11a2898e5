// The route panel's chart: incidents per month within the route's corridor (the analysis'
// corridor width), under the map state's filters and time range, with dead and missing as
// further lines where the data has them. Follows the filters and the time slider until disposed.

import type { ChartSeries } from '../../../shared/charts/time-series.ts'
import { getJson } from '../hotspots/hotspots-api.ts'
import type { StateStore } from '../state/state-store.ts'
import { h } from '../ui/dom.ts'
import type { Locale } from '../ui/strings.ts'
import { casualtyChartSeries, chartKey, seriesUrl, type SeriesAnswer } from './chart-data.ts'
import { REFRESH_DELAY_MS } from './chart-panel.ts'
import { createChartView } from './chart-view.ts'
import type { ChartStrings } from './strings.ts'

export interface RouteChartOptions {
  routeId: string
  corridorKm: number
  store: StateStore
  strings: ChartStrings
  locale: Locale
  widthPx: number
}

/** The section (to place in the route panel) and its disposal. */
export function createRouteChart(o: RouteChartOptions): { element: HTMLElement; dispose(): void } {
  const t = o.strings
  const view = createChartView(t, 'route-chart')
  const element = h('section', { class: 'panel-section route-chart-section', 'data-route': o.routeId }, h('h3', {}, t.routeTitle(o.corridorKm)), view.element)
  let controller: AbortController | null = null
  let timer: ReturnType<typeof setTimeout> | undefined

  async function load(): Promise<void> {
    controller?.abort()
    const mine = new AbortController()
    controller = mine
    view.message(t.loading, 'loading')
    const url = seriesUrl(o.store.get(), { bucket: 'month', split: 'none', lang: o.locale, route: { id: o.routeId, corridorKm: o.corridorKm } })
    element.dataset.url = url
    try {
      const answer = await getJson<SeriesAnswer>(url, mine.signal)
      const counts: ChartSeries = { key: 'incidents', label: t.incidents, color: '#0072B2', values: answer.series[0]?.values ?? answer.periods.map(() => 0) }
      const casualties = casualtyChartSeries(answer, t)
      if (answer.periods.length === 0) view.message(t.empty, 'empty')
      else view.show({ periods: answer.periods, series: [counts, ...casualties], widthPx: o.widthPx, heightPx: 200, kind: 'line', locale: o.locale, legend: true }, `route-${o.routeId}`)
    } catch (error) {
      if (!mine.signal.aborted) view.message(t.failed(error instanceof Error ? error.message : String(error)), 'error')
    }
  }

  let seen = chartKey(o.store.get())
  const unsubscribe = o.store.subscribe((s) => {
    if (chartKey(s) === seen) return
    seen = chartKey(s)
    clearTimeout(timer)
    timer = setTimeout(() => void load(), REFRESH_DELAY_MS)
  })
  void load()
  return {
    element,
    dispose() {
      unsubscribe()
      clearTimeout(timer)
      controller?.abort()
    },
  }
}
