// The time-range slider: two month sliders over the months that hold incidents, and playback
// that moves the chosen window forward one month at a time until it reaches the last month.

import { h } from '../ui/dom.ts'
import { playbackStart, playbackStep, type MonthWindow } from './time-steps.ts'
import type { HotspotStrings } from './strings.ts'

/** Milliseconds between playback steps: time for the tiles of one month to load and be read. */
export const PLAYBACK_STEP_MS = 1500

export interface TimeSlider {
  setExtent(extent: MonthWindow, window: MonthWindow): void
  setWindow(window: MonthWindow): void
  stop(): void
}

/** Fills `container`; `onChange` gets each window the user or playback picks. */
export function createTimeSlider(container: HTMLElement, t: HotspotStrings, locale: string, onChange: (window: MonthWindow) => void): TimeSlider {
  const monthName = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' })
  const label = (m: number) => monthName.format(Date.UTC(Math.floor(m / 12), m % 12, 1))
  const from = h('input', { type: 'range', id: 'hotspot-from', min: '0', max: '0', step: '1', 'aria-label': t.timeFrom })
  const to = h('input', { type: 'range', id: 'hotspot-to', min: '0', max: '0', step: '1', 'aria-label': t.timeTo })
  const fromText = h('output', { for: 'hotspot-from', class: 'time-value' })
  const toText = h('output', { for: 'hotspot-to', class: 'time-value' })
  const play = h('button', { type: 'button', class: 'tool-button', id: 'hotspot-play', 'aria-pressed': 'false' }, `▶ ${t.play}`)
  const all = h('button', { type: 'button', class: 'tool-button', id: 'hotspot-all-time' }, t.allTime)
  container.replaceChildren(h('fieldset', { class: 'legend-group hotspot-time-range' },
    h('legend', {}, t.timeTitle),
    h('label', { class: 'time-row' }, h('span', {}, t.timeFrom), from, fromText),
    h('label', { class: 'time-row' }, h('span', {}, t.timeTo), to, toText),
    h('div', { class: 'time-buttons' }, play, all),
  ))

  let extent: MonthWindow = { from: 0, to: 0 }
  let window: MonthWindow = { from: 0, to: 0 }
  let timer: ReturnType<typeof setInterval> | null = null

  const show = () => {
    from.value = String(window.from - extent.from)
    to.value = String(window.to - extent.from)
    fromText.textContent = label(window.from)
    toText.textContent = label(window.to)
  }
  const pick = (next: MonthWindow) => {
    window = next
    show()
    onChange(next)
  }
  const stop = () => {
    if (timer !== null) clearInterval(timer)
    timer = null
    play.textContent = `▶ ${t.play}`
    play.setAttribute('aria-pressed', 'false')
  }
  from.addEventListener('input', () => {
    stop()
    const f = extent.from + Number(from.value)
    pick({ from: f, to: Math.max(f, window.to) })
  })
  to.addEventListener('input', () => {
    stop()
    const e = extent.from + Number(to.value)
    pick({ from: Math.min(e, window.from), to: e })
  })
  all.addEventListener('click', () => {
    stop()
    pick({ ...extent })
  })
  play.addEventListener('click', () => {
    if (timer !== null) return stop()
    pick(playbackStart(window, extent))
    play.textContent = `❚❚ ${t.pause}`
    play.setAttribute('aria-pressed', 'true')
    timer = setInterval(() => {
      const next = playbackStep(window, extent)
      if (next === null) stop()
      else pick(next)
    }, PLAYBACK_STEP_MS)
  })

  return {
    setExtent(nextExtent, nextWindow) {
      extent = nextExtent
      window = nextWindow
      for (const input of [from, to]) input.max = String(extent.to - extent.from)
      show()
    },
    setWindow(next) {
      window = next
      show()
    },
    stop,
  }
}
