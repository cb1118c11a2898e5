// The planner form: border pairs, k, reach, spacing, demand blend, existing posts, method, Run.
// It reads into and fills from a `PlannerForm`, and shows a service error next to the field it
// names. Existing posts are added by the panel (map clicks) and removed here.

import { FAMILIES, THREATS, type Family, type Threat } from '../../../shared/vocabulary.ts'
import type { BorderOption } from '../ui/border-picker.ts'
import { h } from '../ui/dom.ts'
import { S } from '../ui/strings.ts'
import type { FormField, PlannerForm, Post } from './plan-form.ts'
import type { PlannerStrings } from './strings.ts'

export interface PlannerFormView {
  element: HTMLFormElement
  read(): PlannerForm
  fill(form: PlannerForm): void
  posts(): Post[]
  addPost(post: Post): void
  setPicking(picking: boolean): void
  setBusy(busy: boolean): void
  /** Shows `message` next to `field`; clearErrors() removes every message. */
  showError(field: FormField, message: string): void
  clearErrors(): void
}

export interface PlannerFormHandlers {
  onRun(): void
  onTogglePicking(): void
  onPostsChange(posts: Post[]): void
}

const number = (id: string, value: number, attrs: Record<string, string>) =>
  h('input', { type: 'number', id, name: id, value: String(value), inputmode: 'decimal', ...attrs })

/** The form for `borders` (the border picker's options), wired to `handlers`. */
export function createPlannerForm(borders: readonly BorderOption[], s: PlannerStrings, handlers: PlannerFormHandlers): PlannerFormView {
  const errors = new Map<FormField, HTMLElement>()
  /** A block that can show an error: the error line sits at its end. */
  const block = (field: FormField, cls: string, ...children: (Node | string)[]) => {
    const error = h('p', { class: 'planner-error', id: `planner-error-${field}`, role: 'alert', hidden: true })
    errors.set(field, error)
    return h('div', { class: cls, 'data-field': field }, ...children, error)
  }
  const labelled = (field: FormField, text: string, input: HTMLElement) => block(field, 'planner-field', h('label', { for: input.id }, text), input)
  const checks = (name: string, values: readonly string[], label: (v: string) => string) =>
    values.map((v) => h('label', { class: 'planner-check' }, h('input', { type: 'checkbox', name, value: v }), h('span', {}, label(v))))

  const pairList = h('div', { class: 'planner-pairs', role: 'group', 'aria-label': s.bordersLegend },
    ...checks('pair', borders.map((b) => b.value), (v) => borders.find((b) => b.value === v)!.label))
  const borderKm = number('planner-border-km', 50, { min: '1', max: '500', step: '1' })
  const k = number('planner-k', 6, { min: '1', max: '100', step: '1' })
  const reach = number('planner-reach', 80, { min: '5', max: '500', step: '1' })
  const spacing = number('planner-spacing', 0, { min: '0', max: '1000', step: '1' })
  const incidentWeight = number('planner-incident-weight', 1, { min: '0', max: '1000', step: '0.1' })
  const routeWeight = number('planner-route-weight', 0.5, { min: '0', max: '1000', step: '0.1' })
  const from = h('input', { type: 'date', id: 'planner-from', name: 'from' })
  const to = h('input', { type: 'date', id: 'planner-to', name: 'to', 'aria-label': s.windowTo })
  const families = h('details', { class: 'planner-details' }, h('summary', {}, s.familiesLabel), ...checks('family', FAMILIES, (f) => S.families[f as Family]))
  const threats = h('details', { class: 'planner-details' }, h('summary', {}, s.threatsLabel), ...checks('threat', THREATS, (t) => S.threats[t as Threat]))
  const pickButton = h('button', { type: 'button', class: 'tool-button', id: 'planner-pick', 'aria-pressed': 'false' }, s.addPosts)
  const pickHint = h('p', { class: 'planner-hint', hidden: true }, s.addPostsHint)
  const postList = h('ol', { class: 'planner-posts', id: 'planner-posts' })
  const method = (value: 'greedy' | 'exact', text: string) =>
    h('label', { class: 'planner-check' }, h('input', { type: 'radio', name: 'method', value, checked: value === 'greedy' }), h('span', {}, text))
  const runButton = h('button', { type: 'submit', class: 'tool-button is-primary', id: 'planner-run' }, s.run)

  const element = h('form', { class: 'planner-form', id: 'planner-form', novalidate: true },
    h('fieldset', {}, h('legend', {}, s.bordersLegend), h('p', { class: 'planner-hint' }, s.bordersHint), block('pairs', 'planner-block', pairList), labelled('borderKm', s.borderBandKm, borderKm)),
    h('div', { class: 'planner-row' }, labelled('k', s.newSites, k), labelled('radiusKm', s.reachKm, reach), labelled('minSpacingKm', s.minSpacingKm, spacing)),
    h('fieldset', {}, h('legend', {}, s.demandLegend),
      block('demand', 'planner-row', labelled('incidentWeight', s.incidentWeight, incidentWeight), labelled('routeWeight', s.routeWeight, routeWeight)),
      block('window', 'planner-row', h('label', { for: from.id }, s.windowFrom), from, h('span', { 'aria-hidden': 'true' }, s.windowTo), to),
      block('families', 'planner-block', families), block('threats', 'planner-block', threats)),
    h('fieldset', {}, h('legend', {}, s.postsLegend), block('posts', 'planner-block', postList, pickButton, pickHint)),
    h('fieldset', {}, h('legend', {}, s.methodLegend), block('method', 'planner-block', method('greedy', s.methodGreedy), method('exact', s.methodExact))),
    block('general', 'planner-block planner-run', runButton),
  )
  element.addEventListener('submit', (event) => {
    event.preventDefault()
    handlers.onRun()
  })
  pickButton.addEventListener('click', () => handlers.onTogglePicking())

  let posts: Post[] = []
  const renderPosts = () => {
    postList.replaceChildren(...(posts.length === 0 ? [h('li', { class: 'muted' }, s.noPosts)] : posts.map((p, i) => {
      const name = p.name ?? s.postName(i + 1)
      const remove = h('button', { type: 'button', class: 'planner-remove', 'aria-label': s.removePost(name), title: s.removePost(name) }, '×')
      remove.addEventListener('click', () => {
        posts = posts.filter((q) => q !== p)
        renderPosts()
        handlers.onPostsChange(posts)
      })
      return h('li', { class: 'planner-post' }, h('span', { class: 'planner-post-n' }, String(i + 1)),
        h('span', { class: 'planner-post-name', dir: 'auto' }, name), h('span', { class: 'muted planner-coords', dir: 'ltr' }, `${p.lat.toFixed(3)}, ${p.lng.toFixed(3)}`), remove)
    })))
  }
  renderPosts()

  const checked = (name: string) => [...element.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value)
  const setChecked = (name: string, values: readonly string[]) => {
    for (const input of element.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) input.checked = values.includes(input.value)
  }
  const num = (input: HTMLInputElement) => (input.value.trim() === '' ? NaN : Number(input.value))

  const view: PlannerFormView = {
    element,
    read: () => ({
      pairs: checked('pair'),
      borderKm: num(borderKm),
      k: num(k),
      radiusKm: num(reach),
      minSpacingKm: num(spacing),
      incidentWeight: num(incidentWeight),
      routeWeight: num(routeWeight),
      families: checked('family') as Family[],
      from: from.value,
      to: to.value,
      threats: checked('threat') as Threat[],
      posts: [...posts],
      method: checked('method')[0] === 'exact' ? 'exact' : 'greedy',
    }),
    fill(form) {
      setChecked('pair', form.pairs)
      for (const [input, value] of [[borderKm, form.borderKm], [k, form.k], [reach, form.radiusKm], [spacing, form.minSpacingKm], [incidentWeight, form.incidentWeight], [routeWeight, form.routeWeight]] as const) {
        input.value = Number.isFinite(value) ? String(value) : ''
      }
      from.value = form.from
      to.value = form.to
      setChecked('family', form.families)
      setChecked('threat', form.threats)
      families.open = form.families.length > 0
      threats.open = form.threats.length > 0
      setChecked('method', [form.method])
      posts = [...form.posts]
      renderPosts()
      // the chosen borders first in view
      element.querySelector('input[name="pair"]:checked')?.closest('label')?.scrollIntoView({ block: 'nearest' })
    },
    posts: () => [...posts],
    addPost(post) {
      posts = [...posts, post]
      renderPosts()
    },
    setPicking(picking) {
      pickButton.setAttribute('aria-pressed', String(picking))
      pickButton.textContent = picking ? s.stopAddingPosts : s.addPosts
      pickHint.hidden = !picking
    },
    setBusy(busy) {
      runButton.disabled = busy
      element.setAttribute('aria-busy', String(busy))
    },
    showError(field, message) {
      const error = errors.get(field) ?? errors.get('general')!
      error.textContent = message
      error.hidden = false
      error.parentElement?.querySelectorAll('input').forEach((input) => input.setAttribute('aria-invalid', 'true'))
      error.parentElement?.scrollIntoView({ block: 'nearest' })
    },
    clearErrors() {
      for (const error of errors.values()) {
        error.hidden = true
        error.textContent = ''
      }
      element.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'))
    },
  }
  return view
}
