// The embed's legend: only what the map draws. Route groups shown by the state that have routes,
// the confidence and direction keys when routes are drawn, and land borders when they are.

import type { MapState } from '../../../shared/map-state.ts'
import { ROUTE_GROUPS } from '../map/route-groups.ts'
import { enabledGroups } from '../state/legend-state.ts'
import { h } from './dom.ts'
import { S } from './strings.ts'

/** The keys of the legend rows for `state`, given the number of routes per group key. */
export function embedLegendRows(state: MapState, counts: ReadonlyMap<string, number>): string[] {
  const groups = enabledGroups(state)
  const rows: string[] = ROUTE_GROUPS.filter((g) => groups.has(g.key) && (counts.get(g.key) ?? 0) > 0).map((g) => g.key)
  if (rows.length > 0) rows.push('confidence:low', 'direction:forward')
  if (state.layers.includes('borders')) rows.push('borders')
  return rows
}

/** Fills the `<details>` legend; hidden when nothing it explains is drawn. */
export function renderEmbedLegend(container: HTMLDetailsElement, state: MapState, counts: ReadonlyMap<string, number>): void {
  const rows = embedLegendRows(state, counts)
  const row = (sample: HTMLElement, label: string, key: string) =>
    h('li', { class: 'legend-row legend-static', 'data-legend': key }, sample, h('span', { class: 'legend-label' }, label))
  const items = rows.map((key) => {
    const group = ROUTE_GROUPS.find((g) => g.key === key)
    if (group) {
      const label = group.axis === 'family' ? S.families[group.value] : S.kinds[group.value]
      return row(h('span', { class: 'legend-line', style: `--route-colour: ${group.colour}`, 'aria-hidden': 'true' }), label, key)
    }
    if (key === 'confidence:low') return row(h('span', { class: 'legend-sample sample-low', 'aria-hidden': 'true' }), S.dashedMeaning, key)
    if (key === 'direction:forward') return row(h('span', { class: 'legend-sample sample-forward', 'aria-hidden': 'true' }), S.oneWay, key)
    return row(h('span', { class: 'legend-sample sample-border', 'aria-hidden': 'true' }), S.bordersToggle, key)
  })
  container.replaceChildren(h('summary', {}, S.legendTitle), h('ul', {}, ...items))
  container.hidden = rows.length === 0
}

/** Adds (or replaces) the row saying which year's published flows set the route widths; none when no route has one. */
export function showEmbedFlowYear(container: HTMLDetailsElement, year: number | null, routes: number): void {
  container.querySelector('[data-legend="flows"]')?.remove()
  const list = container.querySelector('ul')
  if (year === null || routes === 0 || !list || container.hidden) return
  list.append(h('li', { class: 'legend-row legend-static', 'data-legend': 'flows' },
    h('span', { class: 'legend-sample sample-flow', 'aria-hidden': 'true' }),
    h('span', { class: 'legend-label' }, S.flowWidth(year, routes))))
}
