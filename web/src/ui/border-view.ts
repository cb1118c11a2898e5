// The border view: every catalogue route crossing one land border, each with its crossings
// numbered like the markers on the map; a click on a route opens its panel.

import type { BorderRoute, BorderRoutes } from '../api.ts'
import { borderCrossingMarkers, type CrossingMarkers } from '../map/crossing-features.ts'
import { routeColour } from '../../../shared/palette.ts'
import { crossingItem } from './analysis-render.ts'
import { h } from './dom.ts'
import { formatKm } from './format.ts'
import { LOCALE, S } from './strings.ts'

export interface BorderViewOptions {
  /** The border's geodesic length in km, from `/api/borders`. */
  lengthKm: number
  load(signal: AbortSignal): Promise<BorderRoutes>
  nameOf(iso3: string): string | undefined
  /** Draws the crossing markers (null clears them). */
  onShow(markers: CrossingMarkers | null): void
  onOpenRoute(routeId: string): void
}

/** A view that starts loading at once; `element` goes into the panel, `dispose` aborts and clears. */
export function createBorderView(options: BorderViewOptions): { element: HTMLElement; dispose(): void } {
  const controller = new AbortController()
  const body = h('div', { class: 'border-body' }, h('p', { class: 'muted' }, S.borderLoading))
  const element = h('section', { class: 'panel-section border-view', 'data-state': 'loading', 'aria-busy': 'true' },
    h('dl', { class: 'analysis-facts' }, h('dt', {}, S.borderLength), h('dd', {}, formatKm(options.lengthKm, LOCALE))),
    body,
  )

  options.load(controller.signal).then(
    (data) => {
      if (controller.signal.aborted) return
      const { markers, orders } = borderCrossingMarkers(data.routes)
      options.onShow(markers)
      body.replaceChildren(
        h('h4', {}, S.borderRoutes(data.routes.length)),
        data.routes.length === 0
          ? h('p', { class: 'muted' }, S.borderNoRoutes)
          : h('ul', { class: 'border-routes' }, ...data.routes.map((route, index) => routeItem(route, orders[index], options))),
      )
      element.dataset.state = 'ready'
      element.setAttribute('aria-busy', 'false')
    },
    (error: unknown) => {
      if (controller.signal.aborted) return
      body.replaceChildren(h('p', { class: 'analysis-error', role: 'alert' }, S.borderFailed(error instanceof Error ? error.message : String(error))))
      element.dataset.state = 'error'
      element.setAttribute('aria-busy', 'false')
    },
  )

  return {
    element,
    dispose() {
      controller.abort()
      options.onShow(null)
    },
  }
}

function routeItem(route: BorderRoute, orders: number[], options: BorderViewOptions): HTMLElement {
  const button = h('button', { type: 'button', class: 'shared-button', 'data-route-id': route.id },
    h('span', { class: 'legend-line', style: `--route-colour: ${routeColour(route.family, route.kind)}`, 'aria-hidden': 'true' }),
    h('span', { class: 'shared-text' }, h('span', { class: 'shared-name' }, route.name)),
  )
  button.addEventListener('click', () => options.onOpenRoute(route.id))
  return h('li', {},
    button,
    h('ol', { class: 'crossing-list' }, ...route.crossings.map((crossing, index) => crossingItem(orders[index], crossing, options.nameOf))),
  )
}
