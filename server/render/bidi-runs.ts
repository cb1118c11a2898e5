// One line of mixed-direction text as the runs a PDF draws left to right: the Unicode Bidirectional
// Algorithm (UAX #9, bidi-js) gives each character its embedding level and the visual order; each
// run is a stretch of one level, kept in logical order so a shaper (fontkit) can join Arabic
// letters, and drawn right to left when its level is odd. Bidi controls and marks (LRM, ALM,
// isolates) steer the levels, then are dropped: fonts have no glyph for them.
import bidiFactory from 'bidi-js'

const bidi = bidiFactory()

/** A run of one direction, in logical order. */
export interface BidiRun {
  text: string
  rtl: boolean
}

const CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g

/** Whether a character is one the bidi algorithm uses but nobody draws. */
export function stripBidiControls(text: string): string {
  return text.replace(CONTROLS, '')
}

/** The runs of one line (no line breaks) in visual order, left to right, for a paragraph direction. */
export function bidiRuns(text: string, direction: 'ltr' | 'rtl'): BidiRun[] {
  if (text === '') return []
  const embedding = bidi.getEmbeddingLevels(text, direction)
  // visual order of the UTF-16 positions: apply each reversal in turn (UAX #9 rule L2)
  const visual = [...Array(text.length).keys()]
  for (const [start, end] of bidi.getReorderSegments(text, embedding)) {
    const reversed = visual.slice(start, end + 1).reverse()
    visual.splice(start, reversed.length, ...reversed)
  }
  const runs: { level: number; from: number; to: number }[] = []
  for (const i of visual) {
    const level = embedding.levels[i]
    const last = runs.at(-1)
    // a run of one level is one contiguous stretch of the logical text
    if (last && last.level === level && (i === last.to + 1 || i === last.from - 1)) {
      last.from = Math.min(last.from, i)
      last.to = Math.max(last.to, i)
    } else runs.push({ level, from: i, to: i })
  }
  return runs.map((r) => ({ text: stripBidiControls(text.slice(r.from, r.to + 1)), rtl: r.level % 2 === 1 })).filter((r) => r.text !== '')
}
