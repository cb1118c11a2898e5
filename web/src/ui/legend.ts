// The legend, which is also the layer switcher: each route colour is a checkbox for its group,
// confidence and direction are explained, and basemap layers can be switched off.

import { ROUTE_GROUPS } from '../map/route-groups.ts'
import { h } from './dom.ts'
import { S } from './strings.ts'

/** The basemap toggles; each maps to layer ids in `map/layer-toggles.ts`. */
export type LayerToggle = 'labels' | 'borders' | 'waypoints'

export interface LegendHandlers {
  /** The set of enabled route group keys, after any group checkbox changed. */
  onGroupsChange(enabled: ReadonlySet<string>): void
  onLayerToggle(toggle: LayerToggle, visible: boolean): void
}

/** What the legend's checkboxes start as: the groups shown and each toggle. */
export interface LegendInitial {
  groups: ReadonlySet<string>
  toggles: Readonly<Record<LayerToggle, boolean>>
}

/** Renders the legend into `container`; `counts` is the number of routes per group key. */
export function renderLegend(container: HTMLElement, counts: ReadonlyMap<string, number>, initial: LegendInitial, handlers: LegendHandlers): void {
  const enabled = new Set<string>(initial.groups)

  const groupRow = (key: string, colour: string, label: string) => {
    const input = h('input', { type: 'checkbox', checked: enabled.has(key), 'data-group': key })
    input.addEventListener('change', () => {
      if (input.checked) enabled.add(key)
      else enabled.delete(key)
      handlers.onGroupsChange(new Set(enabled))
    })
    return h('li', {},
      h('label', { class: 'legend-row' },
        input,
        h('span', { class: 'legend-line', style: `--route-colour: ${colour}`, 'aria-hidden': 'true' }),
        h('span', { class: 'legend-label' }, label),
        h('span', { class: 'legend-count', 'aria-label': S.routeCount(counts.get(key) ?? 0) }, String(counts.get(key) ?? 0)),
      ),
    )
  }
  const layerRow = (toggle: LayerToggle, label: string) => {
    const input = h('input', { type: 'checkbox', checked: initial.toggles[toggle], 'data-layer-toggle': toggle })
    input.addEventListener('change', () => handlers.onLayerToggle(toggle, input.checked))
    return h('li', {}, h('label', { class: 'legend-row' }, input, h('span', { class: 'legend-label' }, label)))
  }
  const sampleRow = (sampleClass: string, label: string) =>
    h('li', { class: 'legend-row legend-static' },
      h('span', { class: `legend-sample ${sampleClass}`, 'aria-hidden': 'true' }),
      h('span', { class: 'legend-label' }, label),
    )

  const families = ROUTE_GROUPS.filter((group) => group.axis === 'family')
  const kinds = ROUTE_GROUPS.filter((group) => group.axis === 'kind')
  container.replaceChildren(
    h('h2', { class: 'sidebar-title', id: 'legend-title' }, S.legendTitle),
    h('fieldset', { class: 'legend-group' },
      h('legend', {}, S.migrationRoutes),
      h('ul', {}, ...families.map((group) => groupRow(group.key, group.colour, S.families[group.value as keyof typeof S.families]))),
    ),
    h('fieldset', { class: 'legend-group' },
      h('legend', {}, S.traffickingCorridors),
      h('ul', {}, ...kinds.map((group) => groupRow(group.key, group.colour, S.kinds[group.value as keyof typeof S.kinds]))),
    ),
    h('div', { class: 'legend-group' },
      h('h3', {}, S.confidenceTitle),
      h('ul', {},
        sampleRow('sample-high', S.confidence.high),
        sampleRow('sample-medium', S.confidence.medium),
        sampleRow('sample-low', S.confidence.low),
        sampleRow('sample-low', S.legSchematic),
      ),
    ),
    h('div', { class: 'legend-group' },
      h('h3', {}, S.directionTitle),
      h('ul', {}, sampleRow('sample-forward', S.oneWay), sampleRow('sample-both', S.bothWays)),
    ),
    h('div', { class: 'legend-group' },
      h('h3', {}, S.flowWidthTitle),
      h('p', { class: 'legend-row legend-static' },
        h('span', { class: 'legend-sample sample-flow', 'aria-hidden': 'true' }),
        h('span', { class: 'legend-flows legend-label', 'data-legend-flows': '' }, S.flowWidth(null, 0)),
      ),
    ),
    h('fieldset', { class: 'legend-group' },
      h('legend', {}, S.mapLayersTitle),
      h('ul', {},
        layerRow('labels', S.labelsToggle),
        layerRow('borders', S.bordersToggle),
        layerRow('waypoints', S.waypointsToggle),
      ),
    ),
  )
}

/** Says in the legend which year's published flows set the route widths (`year` null: none). */
export function showFlowYear(container: HTMLElement, year: number | null, routes: number): void {
  const line = container.querySelector<HTMLElement>('[data-legend-flows]')
  if (!line) return
  line.textContent = S.flowWidth(year, routes)
  line.dataset.year = year === null ? '' : String(year)
  line.dataset.routes = String(routes)
}
