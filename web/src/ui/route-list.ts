// The route list: every route as a button, grouped like the legend, so a route can be chosen
// from the keyboard as well as by clicking the map.

import type { RouteCollection } from '../api.ts'
import { routeColour } from '../../../shared/palette.ts'
import { ROUTE_GROUPS, routeGroupKey } from '../map/route-groups.ts'
import { h } from './dom.ts'
import { S } from './strings.ts'

export interface RouteList {
  /** Hides the routes whose group is not enabled. */
  setEnabledGroups(enabled: ReadonlySet<string>): void
  /** Marks one route as the selected one (or none). */
  setSelected(routeId: string | null): void
}

/** Renders the routes into `container`, sorted by group then name; `onSelect` gets a route id. */
export function renderRouteList(container: HTMLElement, routes: RouteCollection, onSelect: (routeId: string) => void): RouteList {
  const groupOrder = new Map<string, number>(ROUTE_GROUPS.map((group, index) => [group.key, index]))
  const sorted = [...routes.features].sort((a, b) => {
    const ga = groupOrder.get(routeGroupKey(a.properties.family, a.properties.kind)) ?? ROUTE_GROUPS.length
    const gb = groupOrder.get(routeGroupKey(b.properties.family, b.properties.kind)) ?? ROUTE_GROUPS.length
    return ga - gb || a.properties.name.localeCompare(b.properties.name)
  })
  const buttons = sorted.map((route) => {
    const p = route.properties
    const button = h('button', { type: 'button', class: 'route-button', title: p.name, 'data-route-id': p.id, 'data-group': routeGroupKey(p.family, p.kind), 'aria-pressed': 'false' },
      h('span', { class: 'legend-line', style: `--route-colour: ${routeColour(p.family, p.kind)}`, 'data-confidence': p.confidence, 'aria-hidden': 'true' }),
      h('span', { class: 'route-button-name', dir: 'auto' }, p.name),
    )
    button.addEventListener('click', () => onSelect(p.id))
    return button
  })
  container.replaceChildren(
    h('h2', { class: 'sidebar-title' }, S.routesTitle, ' ', h('span', { class: 'muted' }, `(${routes.features.length})`)),
    h('ul', { class: 'route-list' }, ...buttons.map((button) => h('li', {}, button))),
  )
  return {
    setEnabledGroups(enabled) {
      for (const button of buttons) {
        const group = button.dataset.group ?? ''
        const known = groupOrder.has(group)
        button.parentElement!.hidden = known && !enabled.has(group)
      }
    },
    setSelected(routeId) {
      for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.routeId === routeId))
    },
  }
}
