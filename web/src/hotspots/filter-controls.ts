// The incident filters: threats and source datasets as checkboxes (none ticked = all), the origin
// (all, made here, or received from partners of one member state), and the route families, which
// follow the migration routes ticked in the legend (the state's `families`).

import { MEMBER_STATES } from '../../../shared/access.ts'
import { THREATS } from '../../../shared/vocabulary.ts'
import type { ExchangeStrings } from '../exchange/strings.ts'
import { h } from '../ui/dom.ts'
import type { HotspotStrings } from './strings.ts'

export interface FilterControls {
  /** The datasets that hold incidents, with the ones the state picks ticked. */
  setSources(datasets: readonly { dataset: string; credit: string }[], picked: readonly string[]): void
  /** The route families now in force, as names ("all" when none is picked). */
  setFamilies(names: readonly string[]): void
}

/** Fills `container`; `onChange` gets the picked threats, sources and origin (null: all) after each change. */
export function createFilterControls(
  container: HTMLElement,
  t: HotspotStrings,
  o: Pick<ExchangeStrings, 'originFilter' | 'originAll' | 'originLocal' | 'originState'>,
  initial: { threats: readonly string[]; sources: readonly string[]; origin: string | null },
  names: { threat: (code: string) => string; state: (iso3: string) => string | undefined },
  onChange: (filters: { threats: string[]; sources: string[]; origin: string | null }) => void,
): FilterControls {
  const threatName = names.threat
  const threatBox = (code: string) => h('input', { type: 'checkbox', value: code, checked: initial.threats.includes(code), 'data-threat': code })
  const threats = THREATS.map(threatBox)
  const sourceList = h('ul', { class: 'filter-list', id: 'hotspot-sources' })
  const families = h('p', { class: 'muted filter-families' })
  const picked = (inputs: Iterable<HTMLInputElement>) => [...inputs].filter((i) => i.checked).map((i) => i.value)
  const origin = h('select', { id: 'origin-filter', class: 'origin-filter', 'aria-labelledby': 'origin-filter-label' },
    h('option', { value: '' }, o.originAll),
    h('option', { value: 'local' }, o.originLocal),
    ...MEMBER_STATES.map((iso3) => h('option', { value: iso3 }, o.originState(names.state(iso3) ?? iso3))),
  )
  origin.value = initial.origin ?? ''
  const changed = () => onChange({ threats: picked(threats), sources: picked(sourceList.querySelectorAll('input')), origin: origin.value || null })
  for (const input of threats) input.addEventListener('change', changed)
  origin.addEventListener('change', changed)
  const count = (n: number) => (n === 0 ? t.allSelected : String(n))
  const threatSummary = h('span', { class: 'muted' })
  const sourceSummary = h('span', { class: 'muted' })
  const summarise = () => {
    threatSummary.textContent = ` (${count(picked(threats).length)})`
    sourceSummary.textContent = ` (${count(picked(sourceList.querySelectorAll('input')).length)})`
  }
  container.addEventListener('change', summarise)
  container.replaceChildren(h('details', { class: 'hotspot-filter-box', id: 'hotspot-filters' },
    h('summary', {}, t.filtersTitle),
    h('fieldset', { class: 'legend-group' }, h('legend', {}, t.threatsLabel, threatSummary),
      h('ul', { class: 'filter-list' }, ...threats.map((input) => h('li', {}, h('label', { class: 'legend-row' }, input, h('span', { class: 'legend-label' }, threatName(input.value))))))),
    h('fieldset', { class: 'legend-group' }, h('legend', {}, t.sourcesLabel, sourceSummary), sourceList),
    h('fieldset', { class: 'legend-group origin-field' }, h('legend', { id: 'origin-filter-label' }, o.originFilter), origin),
    families,
  ))
  summarise()
  return {
    setSources(datasets, pickedSources) {
      const names = new Map(datasets.map((d) => [d.dataset, d.credit]))
      for (const p of pickedSources) if (!names.has(p)) names.set(p, p)
      sourceList.replaceChildren(...[...names].map(([dataset, credit]) => {
        const input = h('input', { type: 'checkbox', value: dataset, checked: pickedSources.includes(dataset), 'data-source': dataset })
        input.addEventListener('change', changed)
        return h('li', {}, h('label', { class: 'legend-row' }, input, h('span', { class: 'legend-label' }, h('bdi', {}, credit), ' ', h('bdi', { class: 'muted' }, dataset))))
      }))
      summarise()
    },
    setFamilies(names) {
      families.textContent = t.familiesNote(names.length ? names.join(', ') : t.allSelected)
    },
  }
}
