// The route panel: everything the catalogue says about one route and its analysis, opened by a
// click on the map or in the route list, closed by its button or Escape, focus returned to
// where it came from. The same panel shows a drawn line's analysis and a border's crossings.

import { fetchRouteFlows, type RouteFeature, type RouteFlow } from '../api.ts'
import { originElement } from '../exchange/provenance.ts'
import { exchangeStrings } from '../exchange/strings.ts'
import { flowChart } from './flow-chart.ts'
import { routeColour } from '../../../shared/palette.ts'
import { h } from './dom.ts'
import { formatCountries, formatDirection, formatKm, formatSourceCitation, formatThreats, isSafeLink, vocabularyLabel } from './format.ts'
import { LOCALE, S } from './strings.ts'

export interface RoutePanel {
  /** A catalogue route, with its analysis section placed after the description. */
  show(route: RouteFeature, analysis: HTMLElement): void
  /** A drawn line of `pointCount` points and its analysis section. */
  showDrawn(pointCount: number, analysis: HTMLElement): void
  /** Any other view (`kind` e.g. `border`): a title and the body under it. */
  showView(kind: string, title: string, body: Node[]): void
  hide(): void
}

/** Binds the panel to `container`; `onClose` runs when the user closes it. */
export function createRoutePanel(
  container: HTMLElement,
  countryName: (iso3: string) => string | undefined,
  onClose: () => void,
): RoutePanel {
  let returnFocusTo: Element | null = null
  container.hidden = true
  container.setAttribute('role', 'region')
  container.setAttribute('aria-labelledby', 'route-panel-title')

  const close = () => {
    panel.hide()
    onClose()
  }
  container.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close()
  })

  const open = (kind: string, header: HTMLElement, body: Node[]) => {
    if (container.hidden) returnFocusTo = document.activeElement
    container.replaceChildren(header, ...body)
    container.dataset.view = kind
    container.hidden = false
    container.scrollTop = 0
    container.querySelector<HTMLElement>('#route-panel-title')?.focus()
  }

  const panel: RoutePanel = {
    show(route, analysis) {
      const colour = routeColour(route.properties.family, route.properties.kind)
      open('route', panelHeader(route.properties.name, close, colour, route.properties.confidence), renderRoute(route, countryName, analysis))
    },
    showDrawn(pointCount, analysis) {
      open('drawn', panelHeader(S.drawnRouteTitle, close, null), [
        h('p', { class: 'panel-lead muted' }, S.drawnPoints(pointCount)),
        analysis,
      ])
    },
    showView(kind, title, body) {
      open(kind, panelHeader(title, close, null), body)
    },
    hide() {
      if (container.hidden) return
      container.hidden = true
      container.replaceChildren()
      delete container.dataset.view
      if (returnFocusTo instanceof HTMLElement && returnFocusTo.isConnected) returnFocusTo.focus()
      returnFocusTo = null
    },
  }
  return panel
}

/** The sticky header: a swatch in the route's colour (none for other views), title, close button. */
function panelHeader(title: string, close: () => void, colour: string | null, confidence?: string): HTMLElement {
  const closeButton = h('button', { type: 'button', class: 'panel-close', 'aria-label': S.closePanel, title: S.closePanel }, '×')
  closeButton.addEventListener('click', close)
  return h('header', { class: 'panel-header' },
    colour ? h('span', { class: 'panel-swatch', style: `--route-colour: ${colour}`, 'data-confidence': confidence }) : null,
    h('h2', { id: 'route-panel-title', tabindex: '-1', dir: 'auto' }, title),
    closeButton,
  )
}

function renderRoute(route: RouteFeature, countryName: (iso3: string) => string | undefined, analysis: HTMLElement): Node[] {
  const p = route.properties
  const colour = routeColour(p.family, p.kind)
  const field = (label: string, ...value: (Node | string | null)[]) => [h('dt', {}, label), h('dd', {}, ...value)]
  const threats = formatThreats(p.threats, S)
  const origin = originElement(p, LOCALE)
  return [
    h('dl', { class: 'panel-facts' },
      ...field(S.panelKind, vocabularyLabel(S.kinds, p.kind)),
      ...field(S.panelFamily, vocabularyLabel(S.families, p.family)),
      ...field(S.panelDirection, formatDirection(p.direction, S)),
      ...field(S.panelConfidence,
        h('span', { class: `confidence confidence-${p.confidence}` }, vocabularyLabel(S.confidence, p.confidence)),
        p.confidence_note ? h('span', { class: 'confidence-note' }, p.confidence_note) : null,
      ),
      ...field(S.panelPeriod, `${p.valid_from?.slice(0, 4) ?? S.periodOpen} – ${p.valid_to?.slice(0, 4) ?? S.periodOpen}`),
      ...field(S.panelStatus, vocabularyLabel(S.routeStatuses, p.status ?? 'active')),
      ...field(S.panelLength, formatKm(p.length_km, LOCALE)),
      ...field(S.panelCountries, formatCountries(p.countries, countryName, LOCALE)),
      // a route received from a partner deployment names the agency that shared it
      ...(origin ? field(exchangeStrings(LOCALE).originLabel, origin) : []),
    ),
    h('section', { class: 'panel-section' },
      h('h3', {}, S.panelThreats),
      h('ul', { class: 'threat-list' }, ...threats.map((threat) => h('li', {}, threat))),
    ),
    ...(p.description ? [h('section', { class: 'panel-section' }, h('h3', {}, S.panelDescription), h('p', {}, p.description))] : []),
    flowsSection(p.id, colour),
    analysis,
    h('section', { class: 'panel-section' },
      h('h3', {}, S.panelWaypoints),
      h('ol', { class: 'waypoint-list', style: `--route-colour: ${colour}` },
        ...p.waypoints.map((w) => h('li', {}, w.name, h('span', { class: 'muted' }, ` ${countryName(w.iso3) ?? w.iso3}`))),
      ),
    ),
    h('section', { class: 'panel-section' },
      h('h3', {}, S.panelSources),
      p.sources.length === 0
        ? h('p', { class: 'muted' }, S.noSources)
        : h('ul', { class: 'source-list' }, ...p.sources.map((source) => h('li', {},
            isSafeLink(source.url)
              ? h('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer' }, formatSourceCitation(source))
              : formatSourceCitation(source),
          ))),
    ),
  ]
}

/** The route's published yearly figures as a small chart per metric, filled in when they arrive; hidden when there are none. */
function flowsSection(routeId: string, colour: string): HTMLElement {
  const section = h('section', { class: 'panel-section route-flows', 'data-flows': routeId })
  section.hidden = true
  fetchRouteFlows(routeId)
    .then((flows) => {
      if (flows.length === 0) return
      const byMetric = new Map<string, RouteFlow[]>()
      for (const f of flows) byMetric.set(f.metric, [...(byMetric.get(f.metric) ?? []), f])
      const fmt = new Intl.NumberFormat(LOCALE)
      const parts: Node[] = [h('h3', {}, S.panelFlows)]
      // detections first: they set the line widths; IOM's deaths after
      const order = ['detections', 'flow_monitoring', 'deaths']
      for (const [metric, list] of [...byMetric].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))) {
        // one source for every year (IOM's yearly sums): named once; otherwise each year with its source
        const oneSource = list.every((f) => f.source === list[0].source && f.url === list[0].url)
        const sourceLink = (f: RouteFlow) => isSafeLink(f.url) ? h('a', { href: f.url, target: '_blank', rel: 'noopener noreferrer' }, f.source) : f.source
        parts.push(h('div', { class: 'route-flow-metric', 'data-metric': metric },
          h('h4', {}, vocabularyLabel(S.flowMetrics, metric)),
          flowChart(list, colour, LOCALE),
          h('p', { class: 'muted flow-scope' }, list[0].scope),
          oneSource
            ? h('p', { class: 'source-list' }, list.map((f) => `${f.year}: ${fmt.format(f.value)}`).join(' · '), ' — ', sourceLink(list[0]), h('span', { class: 'muted' }, ` (${list[0].licence})`))
            : h('ul', { class: 'source-list' }, ...list.map((f) => h('li', {}, `${f.year}: ${fmt.format(f.value)} — `, sourceLink(f), h('span', { class: 'muted' }, ` (${f.licence})`)))),
        ))
      }
      section.replaceChildren(...parts)
      section.hidden = false
    })
    // the figures are extra: the panel stands without them
    .catch(() => undefined)
  return section
}
