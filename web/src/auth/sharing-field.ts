// The "Shared with" control of the import dialog and the planner's save: the sharing level
// (default regional) and, for bilateral, a checkbox list of the partner member states.

import { SHARING_LEVELS, type Sharing } from '../../../shared/access.ts'
import { h } from '../ui/dom.ts'
import { LOCALE } from '../ui/strings.ts'
import { DEFAULT_SHARING, partnerChoices, sharingProblem, type SharingChoice } from './sharing.ts'
import { authStrings } from './strings.ts'

export interface SharingFieldOptions {
  /** Prefix of the element ids: `<prefix>-sharing`, `<prefix>-partners`. */
  idPrefix: string
  /** The writer's member state, left out of the partners (ISO3; null for the secretariat). */
  ownState: string | null
  /** A member state's name in the page's language. */
  nameOf(iso3: string): string | undefined
}

export interface SharingField {
  element: HTMLElement
  read(): SharingChoice
  /** Shows why the choice cannot be sent, if it cannot; true when it can. */
  validate(): boolean
  setValue(choice: SharingChoice): void
  setDisabled(disabled: boolean): void
}

/** A new sharing control, set to the service's default (regional). */
export function createSharingField(options: SharingFieldOptions): SharingField {
  const t = authStrings(LOCALE)
  const { idPrefix } = options
  const select = h('select', { id: `${idPrefix}-sharing`, name: 'sharing' },
    ...SHARING_LEVELS.map((level) => h('option', { value: level, selected: level === DEFAULT_SHARING.sharing }, t.sharing[level])))
  const name = (iso3: string) => options.nameOf(iso3) ?? iso3
  const states = partnerChoices(options.ownState).sort((a, b) => name(a).localeCompare(name(b), LOCALE))
  const boxes = states.map((iso3) => h('input', { type: 'checkbox', name: 'partners', value: iso3 }))
  const error = h('p', { class: 'sharing-error', id: `${idPrefix}-partners-error`, role: 'alert', hidden: true }, t.partnersRequired)
  const partners = h('fieldset', { class: 'sharing-partners', id: `${idPrefix}-partners`, hidden: true, 'aria-describedby': error.id },
    h('legend', {}, t.partners),
    h('div', { class: 'sharing-partner-list' }, ...boxes.map((box, i) => h('label', { class: 'sharing-partner' }, box, h('span', {}, name(states[i]))))),
    error,
  )
  const element = h('div', { class: 'sharing-field', 'data-field': 'sharing' },
    h('label', { class: 'sharing-level', for: select.id }, h('span', {}, t.sharedWith), select),
    partners,
  )

  const read = (): SharingChoice => ({ sharing: select.value as Sharing, partners: boxes.filter((b) => b.checked).map((b) => b.value) })
  const showPartners = () => {
    partners.hidden = select.value !== 'bilateral'
    if (partners.hidden) error.hidden = true
  }
  select.addEventListener('change', showPartners)
  for (const box of boxes) box.addEventListener('change', () => {
    if (!error.hidden) error.hidden = sharingProblem(read()) === null
  })

  return {
    element,
    read,
    validate() {
      const problem = sharingProblem(read())
      error.hidden = problem === null
      if (problem !== null) boxes[0]?.focus()
      return problem === null
    },
    setValue(choice) {
      select.value = choice.sharing
      for (const box of boxes) box.checked = choice.partners.includes(box.value)
      showPartners()
    },
    setDisabled(disabled) {
      select.disabled = disabled
      partners.disabled = disabled
    },
  }
}
