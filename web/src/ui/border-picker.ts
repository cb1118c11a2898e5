// The toolbar's border picker: every land border of the basemap by its two countries' names,
// sorted; choosing one opens the border view.

import type { BorderCollection } from '../api.ts'
import { h } from './dom.ts'
import { S } from './strings.ts'

/** One choice of the picker: `value` is `A|B`, the ISO3 pair as the service sorts it. */
export interface BorderOption {
  value: string
  label: string
  /** The two country names in label order. */
  names: [string, string]
  a: string
  b: string
  lengthKm: number
}

/** The picker's choices, one per ISO3 pair, labelled with names (`Libya – Niger`) and sorted by label. */
export function borderOptions(borders: BorderCollection, nameOf: (iso3: string) => string | undefined): BorderOption[] {
  const byPair = new Map<string, BorderOption>()
  for (const { properties: p } of borders.features) {
    const [a, b] = [p.a_iso3, p.b_iso3].sort()
    const [nameA, nameB] = [nameOf(a) ?? a, nameOf(b) ?? b]
    // The first-named country comes first in the label, so the list reads alphabetically.
    const names: [string, string] = nameA.localeCompare(nameB) <= 0 ? [nameA, nameB] : [nameB, nameA]
    const label = S.borderOption(...names)
    const value = `${a}|${b}`
    const known = byPair.get(value)
    if (known) known.lengthKm += p.length_km
    else byPair.set(value, { value, label, names, a, b, lengthKm: p.length_km })
  }
  return [...byPair.values()].sort((x, y) => x.label.localeCompare(y.label))
}

export interface BorderPicker {
  /** Shows a border as chosen without firing `onPick`. */
  setValue(option: BorderOption | null): void
}

/** Renders the picker into `container`; `onPick` gets the chosen border. */
export function renderBorderPicker(container: HTMLElement, options: readonly BorderOption[], onPick: (option: BorderOption) => void): BorderPicker {
  const select = h('select', { id: 'border-picker', 'aria-label': S.borderPicker },
    h('option', { value: '' }, S.borderPickerNone),
    ...options.map((option) => h('option', { value: option.value }, option.label)),
  )
  select.addEventListener('change', () => {
    const option = options.find((o) => o.value === select.value)
    if (option) onPick(option)
  })
  container.replaceChildren(select)
  return {
    setValue(option) {
      select.value = option?.value ?? ''
    },
  }
}
