// Colours of the hotspot layer: a sequential ramp for counts (light = few, dark red = many) on
// breaks of the 1-2-5 series, which suits heavy-tailed counts and keeps its classes when the
// maximum moves a little; a diverging red-blue for the Gi* classes (ColorBrewer RdBu, 7 classes),
// so hot and cold read as opposites and "not significant" as neutral.

import type { ExpressionSpecification } from 'maplibre-gl'
import { HOTSPOT_CLASSES, type HotspotClass } from '../../../shared/gistar.ts'

/** The count ramp, lightest first (ColorBrewer YlOrRd, 6 classes). */
export const COUNT_RAMP = ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'] as const

/** Gi* classes, hot first, as the API names them (ColorBrewer RdBu, 7 classes). */
export const CLASS_COLOURS: Readonly<Record<HotspotClass, string>> = {
  hot_99: '#b2182b',
  hot_95: '#ef8a62',
  hot_90: '#fddbc7',
  not_significant: '#f7f7f7',
  cold_90: '#d1e5f0',
  cold_95: '#67a9cf',
  cold_99: '#2166ac',
}

export { HOTSPOT_CLASSES }

const MAX_CLASSES = COUNT_RAMP.length

/** The 1-2-5 series from 1 up to the largest member ≤ `max` (at least [1]). */
function series125(max: number): number[] {
  const out = [1]
  for (let decade = 1; ; decade *= 10) {
    for (const m of [2, 5, 10]) {
      const v = m * decade
      if (v > max) return out
      out.push(v)
    }
  }
}

/**
 * Lower bounds of the count classes for values up to `maxValue`: members of 1, 2, 5, 10, 20, …,
 * at most six, starting at 1; a long series keeps every second or third member.
 * Example: countBreaks(37) → [1, 2, 5, 10, 20].
 */
export function countBreaks(maxValue: number): number[] {
  const all = series125(Math.max(1, maxValue))
  const stride = Math.ceil(all.length / MAX_CLASSES)
  return all.filter((_, i) => i % stride === 0)
}

/** The ramp colours for `classes` classes, spread from the lightest to the darkest. */
export function rampColours(classes: number): string[] {
  if (classes <= 1) return [COUNT_RAMP[COUNT_RAMP.length - 2]]
  return Array.from({ length: classes }, (_, i) => COUNT_RAMP[Math.round((i * (COUNT_RAMP.length - 1)) / (classes - 1))])
}

/** Labels of the count classes: "1", "2–4", …, "20+" (integer counts). */
export function breakLabels(breaks: readonly number[], format: (n: number) => string = String): string[] {
  return breaks.map((b, i) => {
    if (i === breaks.length - 1) return `${format(b)}+`
    const upper = breaks[i + 1] - 1
    return upper === b ? format(b) : `${format(b)}–${format(upper)}`
  })
}

/** A fill-colour expression on the feature's `value` for the given class lower bounds. */
export function countColourExpression(breaks: readonly number[]): ExpressionSpecification {
  const colours = rampColours(breaks.length)
  if (breaks.length === 1) return ['to-color', colours[0]]
  const stops: (number | string)[] = [colours[0]]
  for (let i = 1; i < breaks.length; i++) stops.push(breaks[i], colours[i])
  return ['step', ['get', 'value'], ...stops] as unknown as ExpressionSpecification
}

/** A fill-colour expression on the feature's Gi* `class`. */
export function classColourExpression(): ExpressionSpecification {
  const pairs = HOTSPOT_CLASSES.flatMap((c) => [c, CLASS_COLOURS[c]])
  return ['match', ['get', 'class'], ...pairs, CLASS_COLOURS.not_significant] as unknown as ExpressionSpecification
}
