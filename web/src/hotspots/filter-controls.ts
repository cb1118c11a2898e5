// The incident filters: threats and source datasets as checkboxes (none ticked = all), and the
// route families, which follow the migration routes ticked in the legend (the state's `families`).

import { THREATS } from '../../../shared/vocabulary.ts'
import { h } from '../ui/dom.ts'
import type { HotspotStrings } from './strings.ts'

export interface FilterControls {
  /** The datasets that hold incidents, with the ones the state picks ticked. */
  setSources(datasets: readonly { dataset: string; credit: string }[], picked: readonly string[]): void
  /** The route families now in force, as names ("all" when none is picked). */
  setFamilies(names: readonly string[]): void
}

/** Fills `container`; `onChange` gets the picked threats and sources after each tick. */
export function createFilterControls(
  container: HTMLElement,
  t: HotspotStrings,
  initial: { threats: readonly string[]; sources: readonly string[] },
  threatName: (code: string) => string,
  onChange: (filters: { threats: string[]; sources: string[] }) => void,
): FilterControls {
  const threatBox = (code: string) => h('input', { type: 'checkbox', value: code, checked: initial.threats.includes(code), 'data-threat': code })
  const threats = THREATS.map(threatBox)
  const sourceList = h('ul', { class: 'filter-list', id: 'hotspot-sources' })
  const families = h('p', { class: 'muted filter-families' })
  const picked = (inputs: Iterable<HTMLInputElement>) => [...inputs].filter((i) => i.checked).map((i) => i.value)
  const changed = () => onChange({ threats: picked(threats), sources: picked(sourceList.querySelectorAll('input')) })
  for (const input of threats) input.addEventListener('change', changed)
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
