// Figures in Markdown that a script regenerates: each sits between an HTML comment pair,
// `<!-- figure:NAME -->value<!-- /figure -->`, invisible on GitHub and in any Markdown viewer, so a
// hand edit of the value is overwritten by the next `npm run figures`.

const MARKER = /<!-- figure:([a-z0-9-]+) -->([\s\S]*?)<!-- \/figure -->/g

/** The value currently between each figure's markers, by name. */
export function readFigures(markdown: string): Map<string, string> {
  return new Map([...markdown.matchAll(MARKER)].map((m) => [m[1], m[2]]))
}

/**
 * The markdown with each named figure's value replaced; names without a marker in the text are
 * returned in `missing`, markers whose name is not given are left as they are.
 */
export function writeFigures(markdown: string, values: Record<string, string>): { text: string; changed: string[]; missing: string[] } {
  const seen = new Set<string>()
  const changed: string[] = []
  const text = markdown.replace(MARKER, (whole, name: string, old: string) => {
    if (!(name in values)) return whole
    seen.add(name)
    if (old !== values[name]) changed.push(name)
    return `<!-- figure:${name} -->${values[name]}<!-- /figure -->`
  })
  return { text, changed, missing: Object.keys(values).filter((n) => !seen.has(n)) }
}

/** An integer with thousands separators, as the docs write them: 4116269 → "4,116,269". */
export function thousands(n: number): string {
  return Math.round(n).toLocaleString('en-US')
}
