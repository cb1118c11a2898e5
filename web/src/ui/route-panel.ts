// The route panel: everything the catalogue says about one route, opened by a click on the map
// or in the route list, closed by its button or Escape, focus returned to where it came from.

import type { RouteFeature } from '../api.ts'
import { routeColour } from '../map/palette.ts'
import { h } from './dom.ts'
import { formatCountries, formatDirection, formatKm, formatSourceCitation, formatThreats, isSafeLink, vocabularyLabel } from './format.ts'
import { LOCALE, S } from './strings.ts'

export interface RoutePanel {
  show(route: RouteFeature): void
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

  const panel: RoutePanel = {
    show(route) {
      if (container.hidden) returnFocusTo = document.activeElement
      container.replaceChildren(...renderRoute(route, countryName, close))
      container.hidden = false
      container.scrollTop = 0
      container.querySelector<HTMLElement>('#route-panel-title')?.focus()
    },
    hide() {
      if (container.hidden) return
      container.hidden = true
      container.replaceChildren()
      if (returnFocusTo instanceof HTMLElement && returnFocusTo.isConnected) returnFocusTo.focus()
      returnFocusTo = null
    },
  }
  return panel
}

function renderRoute(route: RouteFeature, countryName: (iso3: string) => string | undefined, close: () => void): Node[] {
  const p = route.properties
  const colour = routeColour(p.family, p.kind)
  const closeButton = h('button', { type: 'button', class: 'panel-close', 'aria-label': S.closePanel, title: S.closePanel }, '×')
  closeButton.addEventListener('click', close)

  const field = (label: string, ...value: (Node | string | null)[]) => [h('dt', {}, label), h('dd', {}, ...value)]
  const threats = formatThreats(p.threats, S)
  return [
    h('header', { class: 'panel-header' },
      h('span', { class: 'panel-swatch', style: `--route-colour: ${colour}`, 'data-confidence': p.confidence }),
      h('h2', { id: 'route-panel-title', tabindex: '-1' }, p.name),
      closeButton,
    ),
    h('dl', { class: 'panel-facts' },
      ...field(S.panelKind, vocabularyLabel(S.kinds, p.kind)),
      ...field(S.panelFamily, vocabularyLabel(S.families, p.family)),
      ...field(S.panelDirection, formatDirection(p.direction, S)),
      ...field(S.panelConfidence,
        h('span', { class: `confidence confidence-${p.confidence}` }, vocabularyLabel(S.confidence, p.confidence)),
        p.confidence_note ? h('span', { class: 'confidence-note' }, p.confidence_note) : null,
      ),
      ...field(S.panelLength, formatKm(p.length_km, LOCALE)),
      ...field(S.panelCountries, formatCountries(p.countries, countryName, LOCALE)),
    ),
    h('section', { class: 'panel-section' },
      h('h3', {}, S.panelThreats),
      h('ul', { class: 'threat-list' }, ...threats.map((threat) => h('li', {}, threat))),
    ),
    ...(p.description ? [h('section', { class: 'panel-section' }, h('h3', {}, S.panelDescription), h('p', {}, p.description))] : []),
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
