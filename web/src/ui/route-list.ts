// The route list: every route as a button, grouped like the legend, so a route can be chosen
// from the keyboard as well as by clicking the map.

import type { RouteCollection } from '../api.ts'
import { routeColour } from '../../../shared/palette.ts'
import { ROUTE_GROUPS, routeGroupKey } from '../map/route-groups.ts'
import { routeInPeriod } from '../../../shared/route-period.ts'
import { h } from './dom.ts'
import { S } from './strings.ts'

export interface RouteList {
  /** Hides the routes whose group is not enabled. */
  setEnabledGroups(enabled: ReadonlySet<string>): void
  /** Hides the routes whose period does not overlap the time range. */
  setTime(time: { from: string | null; to: string | null }): void
  /** How many routes the time range leaves in the list (group toggles aside). */
  shownCount(): number
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
  let enabledGroups: ReadonlySet<string> | null = null
  let time: { from: string | null; to: string | null } = { from: null, to: null }
  const buttons = sorted.map((route) => {
    const p = route.properties
    const button = h('button', { type: 'button', class: 'route-button', title: p.name, 'data-route-id': p.id, 'data-group': routeGroupKey(p.family, p.kind), 'aria-pressed': 'false' },
      h('span', { class: 'legend-line', style: `--route-colour: ${routeColour(p.family, p.kind)}`, 'data-confidence': p.confidence, 'aria-hidden': 'true' }),
      h('span', { class: 'route-button-name', dir: 'auto' }, p.name),
    )
    button.addEventListener('click', () => onSelect(p.id))
    return button
  })
  const count = h('span', { class: 'muted' }, `(${routes.features.length})`)
  container.replaceChildren(
    h('h2', { class: 'sidebar-title' }, S.routesTitle, ' ', count),
    h('ul', { class: 'route-list' }, ...buttons.map((button) => h('li', {}, button))),
  )
  const inTime = (i: number) => routeInPeriod(sorted[i].properties, time)
  const apply = () => {
    buttons.forEach((button, i) => {
      const group = button.dataset.group ?? ''
      const groupOff = enabledGroups !== null && groupOrder.has(group) && !enabledGroups.has(group)
      button.parentElement!.hidden = groupOff || !inTime(i)
    })
    count.textContent = `(${list.shownCount()})`
  }
  const list: RouteList = {
    setEnabledGroups(enabled) {
      enabledGroups = enabled
      apply()
    },
    setTime(next) {
      time = next
      apply()
    },
    shownCount() {
      return buttons.filter((_, i) => inTime(i)).length
    },
    setSelected(routeId) {
      for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.routeId === routeId))
    },
  }
  return list
}
