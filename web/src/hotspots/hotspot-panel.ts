// The sidebar section of the hotspot layer, which is also its legend: layer switches (hotspots,
// incident points), the statistic (count or Gi*), the cell size (follow the zoom or pinned),
// the colour key of what is drawn (shown over the map), the time range, the filters and the data credits.

import type { HotspotClass } from '../../../shared/gistar.ts'
import { h } from '../ui/dom.ts'
import { breakLabels, CLASS_COLOURS, HOTSPOT_CLASSES, rampColours } from './colour-ramps.ts'
import type { Credit } from './hotspots-api.ts'
import type { HotspotStrings } from './strings.ts'
import { HOTSPOT_RESOLUTIONS } from './zoom-res.ts'

export interface PanelInitial {
  hotspots: boolean
  incidents: boolean
  stat: 'none' | 'gistar'
  pinnedRes: number | null
}

export interface PanelHandlers {
  onLayer(layer: 'hotspots' | 'incidents', on: boolean): void
  onStat(stat: 'none' | 'gistar'): void
  onRes(pinned: number | null): void
}

export interface HotspotPanel {
  element: HTMLElement
  /** The colour key of what is drawn, placed over the map by the caller. */
  key: HTMLElement
  /** Where the time slider and the filters go. */
  slots: { time: HTMLElement; filters: HTMLElement }
  /** The key of what is drawn: count classes or Gi* classes, and the resolution now drawn. */
  setKey(key: { stat: 'none' | 'gistar'; breaks: readonly number[]; res: number }): void
  setCredits(credits: readonly Credit[], note: string): void
  setStatus(text: string, isError?: boolean): void
}

/** Builds the section (not yet in the page). */
export function createHotspotPanel(t: HotspotStrings, locale: string, initial: PanelInitial, handlers: PanelHandlers): HotspotPanel {
  const toggle = (layer: 'hotspots' | 'incidents', label: string, hint?: string) => {
    const input = h('input', { type: 'checkbox', checked: initial[layer], 'data-hotspot-layer': layer })
    input.addEventListener('change', () => handlers.onLayer(layer, input.checked))
    return h('li', {}, h('label', { class: 'legend-row' }, input, h('span', { class: 'legend-label' }, label, hint ? h('span', { class: 'muted hint' }, ` (${hint})`) : null)))
  }
  const statRadio = (stat: 'none' | 'gistar', label: string) => {
    const input = h('input', { type: 'radio', name: 'hotspot-stat', value: stat, checked: initial.stat === stat, 'data-hotspot-stat': stat })
    input.addEventListener('change', () => input.checked && handlers.onStat(stat))
    return h('label', { class: 'legend-row' }, input, h('span', { class: 'legend-label' }, label))
  }
  const autoOption = h('option', { value: '' }, t.resAuto(5))
  const resSelect = h('select', { id: 'hotspot-res', class: 'hotspot-select' },
    autoOption, ...HOTSPOT_RESOLUTIONS.map((r) => h('option', { value: String(r), selected: initial.pinnedRes === r }, t.resPinned(r))))
  resSelect.addEventListener('change', () => handlers.onRes(resSelect.value === '' ? null : Number(resSelect.value)))

  const key = h('div', { class: 'hotspot-key', id: 'hotspot-key', 'aria-live': 'polite' })
  const status = h('p', { class: 'hotspot-status muted', 'aria-live': 'polite' })
  const credits = h('p', { class: 'hotspot-credits', id: 'hotspot-credits' })
  const time = h('div', { class: 'hotspot-time' })
  const filters = h('div', { class: 'hotspot-filters' })
  const element = h('section', { id: 'hotspots-section', class: 'sidebar-section hotspots-section', 'aria-labelledby': 'hotspots-title' },
    h('h2', { class: 'sidebar-title', id: 'hotspots-title' }, t.sectionTitle),
    h('ul', { class: 'hotspot-toggles' }, toggle('hotspots', t.hotspotsToggle), toggle('incidents', t.incidentsToggle, t.incidentsZoomHint)),
    h('fieldset', { class: 'legend-group hotspot-stat' }, h('legend', {}, t.statLabel), statRadio('none', t.statNone), statRadio('gistar', t.statGistar)),
    h('label', { class: 'hotspot-field' }, h('span', {}, t.resLabel), resSelect),
    status,
    time,
    filters,
    credits,
  )

  const swatchRow = (colour: string, label: string, data: Record<string, string>) =>
    h('li', { class: 'legend-row legend-static', ...data },
      h('span', { class: 'legend-swatch', style: `background:${colour}`, 'aria-hidden': 'true' }),
      h('span', { class: 'legend-label' }, label))

  return {
    element,
    key,
    slots: { time, filters },
    setKey({ stat, breaks, res }) {
      autoOption.textContent = t.resAuto(res)
      key.dataset.stat = stat
      if (stat === 'gistar') {
        key.replaceChildren(h('h3', {}, t.classLegendTitle),
          h('ul', {}, ...HOTSPOT_CLASSES.map((c: HotspotClass) => swatchRow(CLASS_COLOURS[c], t.classes[c], { 'data-class': c }))))
      } else {
        const colours = rampColours(breaks.length)
        const labels = breakLabels(breaks, (n) => new Intl.NumberFormat(locale).format(n))
        key.replaceChildren(h('h3', {}, t.countLegendTitle),
          h('ul', { class: 'count-key' }, ...labels.map((label, i) => swatchRow(colours[i], label, { 'data-break': String(breaks[i]) }))))
      }
    },
    setCredits(list, note) {
      credits.replaceChildren(h('span', { class: 'muted' }, `${t.creditsTitle}: `),
        ...list.flatMap((c, i) => [i > 0 ? '; ' : '', c.url ? h('a', { href: c.url, target: '_blank', rel: 'noopener noreferrer' }, c.credit) : c.credit]),
        list.length ? h('span', { class: 'muted' }, ` (${note})`) : '–')
    },
    setStatus(text, isError = false) {
      status.textContent = text
      status.classList.toggle('is-error', isError)
    },
  }
}
