// Label and UI fonts. The map declares them through the style's `font-faces` root property so
// that MapLibre draws glyphs locally from files the service itself serves (no `glyphs` server);
// the page gets @font-face rules for the same files, so each is downloaded once. The files are
// @fontsource's subsets and the unicode ranges those of its CSS: a Latin label never downloads
// the Arabic file and vice versa.

import type { FontFacesSpecification } from 'maplibre-gl'

/** The `text-font` names the style uses. */
export const FONT_REGULAR = 'Noto Sans Regular'
export const FONT_BOLD = 'Noto Sans Bold'

/** One font file: its CSS family and weight, same-origin path, and the codepoints it covers. */
export interface FontFile {
  cssFamily: 'Noto Sans' | 'Noto Sans Arabic'
  weight: 400 | 700
  path: string
  unicodeRange: readonly string[]
}

const LATIN_RANGE = [
  'U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+0304',
  'U+0308', 'U+0329', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2191', 'U+2193', 'U+2212', 'U+2215',
  'U+FEFF', 'U+FFFD',
]
const LATIN_EXT_RANGE = [
  'U+0100-02BA', 'U+02BD-02C5', 'U+02C7-02CC', 'U+02CE-02D7', 'U+02DD-02FF', 'U+1D00-1DBF',
  'U+1E00-1E9F', 'U+1EF2-1EFF', 'U+2020', 'U+20A0-20AB', 'U+20AD-20C0', 'U+2113', 'U+2C60-2C7F',
  'U+A720-A7FF',
]
const ARABIC_RANGE = ['U+0600-06FF', 'U+0750-077F', 'U+0870-088E', 'U+0890-0891', 'U+0897-08FF', 'U+FB50-FDFF', 'U+FE70-FEFC']

/** The files of one weight, Latin first: the order MapLibre tries them in. */
export function fontFiles(weight: 400 | 700): FontFile[] {
  return [
    { cssFamily: 'Noto Sans', weight, path: `/fonts/noto-sans/noto-sans-latin-${weight}-normal.woff2`, unicodeRange: LATIN_RANGE },
    { cssFamily: 'Noto Sans', weight, path: `/fonts/noto-sans/noto-sans-latin-ext-${weight}-normal.woff2`, unicodeRange: LATIN_EXT_RANGE },
    { cssFamily: 'Noto Sans Arabic', weight, path: `/fonts/noto-sans-arabic/noto-sans-arabic-arabic-${weight}-normal.woff2`, unicodeRange: ARABIC_RANGE },
  ]
}

/** The style's `font-faces`, with absolute URLs on `origin` (e.g. `http://127.0.0.1:3123`). */
export function fontFaces(origin: string): FontFacesSpecification {
  const faces = (weight: 400 | 700) =>
    fontFiles(weight).map((file) => ({ url: origin + file.path, 'unicode-range': [...file.unicodeRange] }))
  return { [FONT_REGULAR]: faces(400), [FONT_BOLD]: faces(700) }
}

/** @font-face rules for the page, over the same files as `fontFaces`. */
export function fontFaceCss(): string {
  return [...fontFiles(400), ...fontFiles(700)]
    .map((file) => [
      '@font-face {',
      `  font-family: '${file.cssFamily}';`,
      '  font-style: normal;',
      `  font-weight: ${file.weight};`,
      '  font-display: swap;',
      `  src: url('${file.path}') format('woff2');`,
      `  unicode-range: ${file.unicodeRange.join(', ')};`,
      '}',
    ].join('\n'))
    .join('\n')
}
