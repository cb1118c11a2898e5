// The parts of an analysis as DOM: summary facts, the per-country bar, numbered border
// crossings, shared corridors and the places along the line. No state, no requests.

import type { BorderCrossing, LineAnalysis, PlaceAlong, SharedCorridor } from '../api.ts'
import { routeColour } from '../../../shared/palette.ts'
import { countryBarSegments, formatShare } from './country-bar.ts'
import { h } from './dom.ts'
import { formatKm, formatKmNumber } from './format.ts'
import { LOCALE, S } from './strings.ts'

type NameOf = (iso3: string) => string | undefined

/** Length, km in the operational zone and the corridor's area. */
export function renderSummary(analysis: LineAnalysis): HTMLElement {
  const share = analysis.length_km > 0 ? analysis.in_zone_km / analysis.length_km : Number.NaN
  return h('dl', { class: 'analysis-facts' },
    h('dt', {}, S.analysisLength), h('dd', {}, formatKm(analysis.length_km, LOCALE)),
    h('dt', {}, S.analysisInZone),
    h('dd', { 'data-in-zone-km': String(analysis.in_zone_km) }, formatKm(analysis.in_zone_km, LOCALE), h('span', { class: 'muted' }, ` (${formatShare(share, LOCALE)})`)),
  )
}

/** The stacked bar of km per country, with a legend giving each one's km and share. */
export function renderCountryBar(analysis: LineAnalysis, nameOf: NameOf): HTMLElement {
  const segments = countryBarSegments(analysis.countries, nameOf, S.analysisSea)
  const describe = (label: string, km: number, share: number) => `${label}: ${formatKm(km, LOCALE)} (${formatShare(share, LOCALE)})`
  return h('div', { class: 'country-bar-block' },
    h('h4', {}, S.analysisByCountry),
    h('div', { class: 'country-bar', role: 'img', 'aria-label': segments.map((s) => describe(s.label, s.km, s.share)).join('; ') },
      ...segments.map((s) => h('span', {
        class: s.isSea ? 'country-bar-segment is-sea' : 'country-bar-segment',
        style: `width: ${s.widthPercent.toFixed(3)}%; --segment-colour: ${s.colour}`,
        title: describe(s.label, s.km, s.share),
        'data-country': s.key,
      }, s.widthPercent >= 12 ? (s.isSea ? '' : s.key) : '')),
    ),
    h('ul', { class: 'country-bar-legend' },
      ...segments.map((s) => h('li', {},
        h('span', { class: s.isSea ? 'legend-swatch is-sea' : 'legend-swatch', style: `--segment-colour: ${s.colour}`, 'aria-hidden': 'true' }),
        h('span', { class: 'country-bar-name' }, s.label),
        h('span', { class: 'country-bar-km' }, formatKm(s.km, LOCALE)),
        h('span', { class: 'country-bar-share muted' }, formatShare(s.share, LOCALE)),
      )),
    ),
  )
}

/** `near Tummo (3.2 km)`, or `at Tummo` when the crossing is within half a kilometre of it. */
export function nearestPlaceText(crossing: BorderCrossing): string {
  const place = crossing.nearest_place
  if (!place) return ''
  return place.distance_km < 0.5 ? S.atPlace(place.name) : S.nearPlace(place.name, formatKm(place.distance_km, LOCALE))
}

/** One numbered crossing: countries by name, their ISO3 codes, km along and the nearest place. */
export function crossingItem(order: number, crossing: BorderCrossing, nameOf: NameOf): HTMLElement {
  const detail = [S.alongKm(formatKmNumber(crossing.along_km, LOCALE)), nearestPlaceText(crossing)].filter(Boolean).join(' · ')
  return h('li', { class: 'crossing', 'data-from': crossing.from, 'data-to': crossing.to },
    h('span', { class: 'crossing-badge', 'aria-hidden': 'true' }, String(order)),
    h('span', { class: 'crossing-text' },
      h('span', { class: 'crossing-countries' }, S.crossingDirection(nameOf(crossing.from) ?? crossing.from, nameOf(crossing.to) ?? crossing.to)),
      ' ',
      h('span', { class: 'crossing-codes muted' }, S.crossingDirection(crossing.from, crossing.to)),
      h('span', { class: 'crossing-detail muted' }, detail),
    ),
  )
}

/** The line's border crossings, numbered like their markers on the map. */
export function renderCrossings(crossings: readonly BorderCrossing[], nameOf: NameOf): HTMLElement {
  return h('div', { class: 'crossings-block' },
    h('h4', {}, S.analysisCrossings, ' ', h('span', { class: 'muted' }, `(${crossings.length})`)),
    crossings.length === 0
      ? h('p', { class: 'muted' }, S.analysisNoCrossings)
      : h('ol', { class: 'crossing-list' }, ...crossings.map((crossing, index) => crossingItem(index + 1, crossing, nameOf))),
  )
}

/** Other catalogue routes sharing the corridor; a click opens the route. */
export function renderShared(shared: readonly SharedCorridor[], onOpenRoute: (routeId: string) => void): HTMLElement {
  const item = (corridor: SharedCorridor) => {
    const button = h('button', { type: 'button', class: 'shared-button', 'data-route-id': corridor.id },
      h('span', { class: 'legend-line', style: `--route-colour: ${routeColour(corridor.family, corridor.kind)}`, 'aria-hidden': 'true' }),
      h('span', { class: 'shared-text' },
        h('span', { class: 'shared-name' }, corridor.name),
        h('span', { class: 'muted' }, S.sharedSpan(
          formatKm(corridor.overlap_km, LOCALE),
          formatKmNumber(corridor.start.along_km, LOCALE),
          formatKmNumber(corridor.end.along_km, LOCALE),
        )),
      ),
    )
    button.addEventListener('click', () => onOpenRoute(corridor.id))
    return h('li', {}, button)
  }
  return h('div', { class: 'shared-block' },
    h('h4', {}, S.analysisShared, ' ', h('span', { class: 'muted' }, `(${shared.length})`)),
    shared.length === 0 ? h('p', { class: 'muted' }, S.analysisNoShared) : h('ul', { class: 'shared-list' }, ...shared.map(item)),
  )
}

/** Places in the corridor in order along the line: km along, name, country and distance off it. */
export function renderPlaces(places: readonly PlaceAlong[], truncated: boolean): HTMLElement {
  return h('div', { class: 'places-block' },
    h('h4', {}, S.analysisPlaces(places.length)),
    places.length === 0
      ? h('p', { class: 'muted' }, S.analysisNoPlaces)
      : h('ol', { class: 'places-list', tabindex: '0' },
          ...places.map((place) => h('li', { 'data-rank': String(place.rank) },
            h('span', { class: 'place-along' }, S.alongKm(formatKmNumber(place.along_km, LOCALE))),
            h('span', { class: 'place-name' }, place.name, place.iso3 ? h('span', { class: 'muted' }, ` ${place.iso3}`) : null),
            h('span', { class: 'place-off muted' }, place.distance_km < 0.5 ? S.placeOnLine : S.placeOffLine(formatKm(place.distance_km, LOCALE))),
          )),
        ),
    truncated ? h('p', { class: 'muted note' }, S.placesTruncated) : null,
  )
}
