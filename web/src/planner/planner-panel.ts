// The patrol planner (issue 5, web): a toolbar button opens a panel on the map's inline start;
// the form runs `POST /api/patrols/plan`, the map draws the sites, coverage circles and covered
// cells, and the last two runs are compared. Saving (shared as chosen) puts `plan=<id>` in the
// URL, and a link with a plan id reopens the planner on that plan. Without the 'plan' permission
// the planner has no button and no form: a link still opens a saved plan, read-only.

import type * as maplibregl from 'maplibre-gl'
import type { BorderCollection } from '../api.ts'
import { sharingFields, type SharingChoice } from '../auth/sharing.ts'
import { authStrings } from '../auth/strings.ts'
import type { Provenance } from '../exchange/provenance.ts'
import type { StateStore } from '../state/state-store.ts'
import { borderOptions } from '../ui/border-picker.ts'
import { h } from '../ui/dom.ts'
import { directionOf, LOCALE, S } from '../ui/strings.ts'
import { fetchPlan, PlanApiError, postPlan, savePlan, type PlanBody, type PlanResult } from './plan-api.ts'
import { buildPlanRequest, DEFAULT_FORM, formFieldOf, formFromRequest, type Post, TIME_LIMIT_S } from './plan-form.ts'
import { addPlanLayers, showPlans, showPosts } from './plan-layers.ts'
import { planIdOf, withPlanId } from './plan-url.ts'
import { createPlannerForm } from './planner-form.ts'
import { renderResults } from './planner-results.ts'
import { plannerStrings } from './strings.ts'

export interface PlannerOptions {
  map: maplibregl.Map
  store: StateStore
  borders: BorderCollection
  nameOf: (iso3: string) => string | undefined
  /** The toolbar group the planner's button goes into. */
  toolbar: HTMLElement
  /** Called as the planner opens, to close what the page showed (route panel, drawing). */
  onOpen(): void
  /** The viewer may compute and save plans (permission 'plan'). */
  canPlan: boolean
  /** The member state of the viewer's agency, left out of the bilateral partners (ISO3; null: none). */
  ownState: string | null
}

export interface Planner {
  /** Whether map clicks currently place existing posts (route picking should be off). */
  isPicking(): boolean
}

/** One computed plan and the request that made it; `savedId` and `sharing` once saved. */
interface Run {
  request: PlanBody
  result: PlanResult
  savedId: number | null
  sharing: SharingChoice | null
  /** a saved plan received from a partner deployment: who shared it */
  origin?: Provenance
}

/** Starts the planner: its button, its panel (closed), and the plan of the URL, if any. */
export function initPlanner(options: PlannerOptions): Planner {
  const { map, store } = options
  const s = plannerStrings(LOCALE)
  const borders = borderOptions(options.borders, options.nameOf)
  addPlanLayers(map)

  const button = h('button', { type: 'button', class: 'tool-button', id: 'planner-open', 'aria-pressed': 'false', 'aria-controls': 'planner-panel' }, s.openButton)
  options.toolbar.replaceChildren(button)
  options.toolbar.hidden = !options.canPlan
  const form = createPlannerForm(borders, s, { onRun: () => void run(), onTogglePicking: () => setPicking(!picking), onPostsChange: (posts) => showPosts(map, posts) })
  form.fill({ ...DEFAULT_FORM, pairs: borders.some((b) => b.value === 'LBY|NER') ? ['LBY|NER'] : [] })
  const results = h('section', { class: 'planner-results', id: 'planner-results', 'aria-live': 'polite', hidden: true })
  const close = h('button', { type: 'button', class: 'panel-close', 'aria-label': S.closePanel, title: S.closePanel }, '×')
  const panel = h('section', { class: 'planner-panel', id: 'planner-panel', 'aria-labelledby': 'planner-title', hidden: true },
    h('header', { class: 'panel-header' }, h('h2', { id: 'planner-title', tabindex: '-1' }, s.title), close),
    options.canPlan ? form.element : h('p', { class: 'planner-hint', id: 'planner-read-only' }, authStrings(LOCALE).planNotAllowed),
    results,
  )
  map.getContainer().parentElement!.append(panel)

  let runs: Run[] = []
  let picking = false
  let postCount = 0
  let inFlight: AbortController | null = null
  const startSide = directionOf(LOCALE) === 'rtl' ? 'right' : 'left'

  function setPicking(on: boolean): void {
    picking = on
    form.setPicking(on)
    map.getContainer().classList.toggle('is-picking', on)
  }

  function open(): void {
    if (!panel.hidden) return
    options.onOpen()
    panel.hidden = false
    button.setAttribute('aria-pressed', 'true')
    panel.querySelector<HTMLElement>('#planner-title')?.focus()
    draw(false)
  }

  function hide(): void {
    inFlight?.abort()
    setPicking(false)
    panel.hidden = true
    button.setAttribute('aria-pressed', 'false')
    showPlans(map, null, null)
    showPosts(map, [])
    store.update((state) => withPlanId(state, null))
  }

  /** Draws the runs and the form's posts; `frame` moves the map to the plans. */
  function draw(frame: boolean): void {
    const [current, previous] = runs
    showPosts(map, form.posts())
    const bbox = showPlans(map, current?.result ?? null, previous?.result ?? null)
    store.update((state) => withPlanId(state, current?.savedId ?? null))
    if (current) {
      results.hidden = false
      results.dataset.state = 'ready'
      results.replaceChildren(...renderResults(s, {
        current: current.result,
        previous: previous?.result ?? null,
        savedId: current.savedId,
        canSave: options.canPlan,
        sharing: { ownState: options.ownState, nameOf: options.nameOf },
        savedSharing: current.sharing,
        origin: current.origin ?? null,
        defaultName: s.defaultName(pairNames(current.request), current.result.k, current.result.radius_km),
        nameOf: options.nameOf,
        onSave: (name, sharing) => save(current, name, sharing),
        onSolveExact: options.canPlan ? () => void solveExactly(current.request) : undefined,
      }))
    }
    if (frame && bbox) map.fitBounds([[bbox[0], bbox[1]], [bbox[2], bbox[3]]], { padding: { top: 60, bottom: 60, left: 60, right: 60, [startSide]: 440 }, maxZoom: 8 })
  }

  function pairNames(request: PlanBody): string {
    const pairs = (request.candidates.border_pairs ?? []).map((pair) => borders.find((b) => b.value === [...pair].sort().join('|'))?.label ?? pair.join('–'))
    return pairs.join(', ') || '–'
  }

  function showStatus(state: 'loading' | 'error', text: string): void {
    results.hidden = false
    results.dataset.state = state
    results.replaceChildren(h('p', { class: state === 'error' ? 'analysis-error' : 'muted' }, text))
  }

  /** Reruns `request` with the exact method, the form switched to it (issue 13: a greedy gap over 2%). */
  function solveExactly(request: PlanBody): Promise<void> {
    const exact: PlanBody = { ...request, method: 'exact', time_limit_s: TIME_LIMIT_S.exact }
    form.fill(formFromRequest(exact))
    return run(exact)
  }

  /** Runs the form's request, or `given` (the form already showing it). */
  async function run(given?: PlanBody): Promise<void> {
    if (!options.canPlan) return
    setPicking(false)
    form.clearErrors()
    const request = given ?? buildPlanRequest(form.read())
    inFlight?.abort()
    const controller = (inFlight = new AbortController())
    form.setBusy(true)
    showStatus('loading', s.running)
    try {
      const result = await postPlan(request, controller.signal)
      runs = [{ request, result, savedId: null, sharing: null }, ...runs].slice(0, 2)
      draw(true)
      results.scrollIntoView({ block: 'start' })
    } catch (error) {
      if (controller.signal.aborted) return
      const message = error instanceof PlanApiError && error.detail ? error.detail : error instanceof Error ? error.message : String(error)
      if (error instanceof PlanApiError && error.status === 400) form.showError(formFieldOf(error.field), message)
      draw(false)
      if (runs.length === 0) showStatus('error', s.runFailed(message))
      else if (!(error instanceof PlanApiError && error.status === 400)) form.showError('general', s.runFailed(message))
    } finally {
      if (inFlight === controller) inFlight = null
      form.setBusy(false)
    }
  }

  async function save(target: Run, name: string, sharing: SharingChoice): Promise<void> {
    target.savedId = await savePlan(name, target.request, target.result, sharingFields(sharing))
    target.sharing = sharing
    if (runs[0] === target) draw(false)
  }

  async function reopen(id: number): Promise<void> {
    open()
    showStatus('loading', s.loadingPlan)
    try {
      const saved = await fetchPlan(id)
      form.fill(formFromRequest(saved.request))
      postCount = saved.request.existing_sites?.length ?? 0
      const sharing = saved.sharing ? { sharing: saved.sharing, partners: saved.partners ?? [] } : null
      runs = [{ request: saved.request, result: saved.result, savedId: saved.id, sharing, origin: { origin_state: saved.origin_state, origin_agency: saved.origin_agency } }]
      draw(true)
    } catch (error) {
      showStatus('error', s.loadFailed(error instanceof Error ? error.message : String(error)))
    }
  }

  button.addEventListener('click', () => (panel.hidden ? open() : hide()))
  close.addEventListener('click', () => hide())
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') (picking ? setPicking(false) : hide())
  })
  map.on('click', (event) => {
    // The draw tool owns clicks while it draws.
    if (!picking || map.getContainer().classList.contains('is-drawing')) return
    // Named as listed, so the saved plan and its exports carry the name.
    const post: Post = { lng: round5(event.lngLat.lng), lat: round5(event.lngLat.lat), name: s.postName(++postCount) }
    form.addPost(post)
    showPosts(map, form.posts())
  })

  const planId = planIdOf(store.get())
  if (planId !== null) void reopen(planId)
  else if (store.get().plan !== null) store.update((state) => withPlanId(state, null))
  return { isPicking: () => picking }
}

/** Degrees to 5 decimals (~1 m), enough for a post placed by a click. */
function round5(degrees: number): number {
  return Math.round(degrees * 1e5) / 1e5
}
