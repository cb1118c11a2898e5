// The "Analysis" section of the route panel, for a catalogue route or a drawn line: loads the
// analysis, renders it, and re-requests it when the corridor width changes. Its map overlays
// (crossing markers, corridor) are handed to `onShow`; the panel's owner draws them.

import type { LineAnalysis } from '../api.ts'
import { renderCountryBar, renderCrossings, renderPlaces, renderShared, renderSummary } from './analysis-render.ts'
import { h } from './dom.ts'
import { formatAreaKm2 } from './format.ts'
import { LOCALE, S } from './strings.ts'

/** Corridor half-widths offered, in km either side of the line. */
export const CORRIDOR_WIDTHS_KM = [10, 25, 50, 100] as const

/** The user's corridor choices; kept by the caller so the next route opens with the same ones. */
export interface AnalysisPrefs {
  corridorKm: number
  corridorVisible: boolean
}

export interface AnalysisSectionOptions {
  /** Fetches the analysis for a corridor of `corridorKm` either side. */
  load(corridorKm: number, signal: AbortSignal): Promise<LineAnalysis>
  /** Read and updated in place when the user changes the corridor. */
  prefs: AnalysisPrefs
  nameOf(iso3: string): string | undefined
  /** Draws (or, with null, clears) the analysis on the map. */
  onShow(analysis: LineAnalysis | null, corridorVisible: boolean): void
  onOpenRoute(routeId: string): void
  /** The message shown for a failed load; defaults to `analysisFailed`. */
  errorText?(error: unknown): string
}

export interface AnalysisSection {
  element: HTMLElement
  /** Aborts a pending request and clears the map overlays. */
  dispose(): void
}

/** A section that starts loading at once; `element` goes into the panel. */
export function createAnalysisSection(options: AnalysisSectionOptions): AnalysisSection {
  const { prefs } = options
  let current: LineAnalysis | null = null
  let controller: AbortController | null = null
  let disposed = false

  const corridorToggle = h('input', { type: 'checkbox', checked: prefs.corridorVisible, 'data-corridor-toggle': true })
  const widthSelect = h('select', { 'data-corridor-width': true },
    ...CORRIDOR_WIDTHS_KM.map((km) => h('option', { value: String(km), selected: km === prefs.corridorKm }, S.corridorWidthOption(km))),
  )
  const area = h('span', { class: 'corridor-area muted' })
  const body = h('div', { class: 'analysis-body' })
  const element = h('section', { class: 'panel-section analysis', 'aria-labelledby': 'analysis-title', 'aria-busy': 'true', 'data-state': 'loading' },
    h('h3', { id: 'analysis-title' }, S.analysisTitle),
    h('div', { class: 'analysis-controls' },
      h('label', { class: 'analysis-control' }, corridorToggle, S.corridorShow),
      h('label', { class: 'analysis-control' }, S.corridorWidth, ' ', widthSelect),
      area,
    ),
    body,
  )

  corridorToggle.addEventListener('change', () => {
    prefs.corridorVisible = corridorToggle.checked
    if (current) options.onShow(current, prefs.corridorVisible)
  })
  widthSelect.addEventListener('change', () => {
    prefs.corridorKm = Number(widthSelect.value)
    void load()
  })

  async function load(): Promise<void> {
    controller?.abort()
    const ours = (controller = new AbortController())
    element.dataset.state = 'loading'
    element.setAttribute('aria-busy', 'true')
    if (current) body.classList.add('is-stale')
    else body.replaceChildren(h('p', { class: 'muted' }, S.analysisLoading))
    try {
      const analysis = await options.load(prefs.corridorKm, ours.signal)
      if (disposed || ours.signal.aborted) return
      current = analysis
      render(analysis)
      options.onShow(analysis, prefs.corridorVisible)
      element.dataset.state = 'ready'
    } catch (error) {
      if (disposed || ours.signal.aborted) return
      current = null
      options.onShow(null, false)
      const message = options.errorText?.(error) ?? S.analysisFailed(error instanceof Error ? error.message : String(error))
      body.replaceChildren(h('p', { class: 'analysis-error', role: 'alert' }, message))
      area.textContent = ''
      element.dataset.state = 'error'
    } finally {
      if (controller === ours) element.setAttribute('aria-busy', 'false')
    }
  }

  function render(analysis: LineAnalysis): void {
    area.textContent = S.corridorArea(formatAreaKm2(analysis.corridor.area_km2, LOCALE))
    body.classList.remove('is-stale')
    body.replaceChildren(
      renderSummary(analysis),
      renderCountryBar(analysis, options.nameOf),
      renderCrossings(analysis.border_crossings, options.nameOf),
      renderPlaces(analysis.places_along, analysis.places_truncated),
      renderShared(analysis.shared_corridors, options.onOpenRoute),
    )
  }

  void load()
  return {
    element,
    dispose() {
      disposed = true
      controller?.abort()
      options.onShow(null, false)
    },
  }
}
