// SVG → PNG with resvg (Rust, shipped prebuilt inside its npm package: no browser, no network).
// Fonts are given explicitly from npm packages in node_modules, never the system's, so a map
// renders the same text on every machine: Noto Sans and Noto Sans Arabic (SIL OFL 1.1), TrueType
// because resvg reads TTF/OTF and not the WOFF2 the web app serves.
import { renderAsync } from '@resvg/resvg-js'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { crc32 } from 'node:zlib'

const FONTS = fileURLToPath(new URL('../../node_modules/@expo-google-fonts/', import.meta.url))

/** The TrueType files the static maps render with. */
export const FONT_FILES = [
  `${FONTS}noto-sans/400Regular/NotoSans_400Regular.ttf`,
  `${FONTS}noto-sans/700Bold/NotoSans_700Bold.ttf`,
  `${FONTS}noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf`,
  `${FONTS}noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf`,
]

/** Throws naming the missing font file (an incomplete npm install), instead of dropping text. */
function checkFonts(): void {
  const missing = FONT_FILES.find((f) => !existsSync(f))
  if (missing) throw new Error(`static map font missing: ${missing} (run npm install)`)
}

/** A pHYs chunk: pixels per metre on both axes, from dots per inch. */
function physChunk(dpi: number): Buffer {
  const ppm = Math.round(dpi / 0.0254)
  const body = Buffer.alloc(13)
  body.write('pHYs', 0, 'ascii')
  body.writeUInt32BE(ppm, 4)
  body.writeUInt32BE(ppm, 8)
  body.writeUInt8(1, 12) // unit: metre
  const chunk = Buffer.alloc(21)
  chunk.writeUInt32BE(9, 0)
  body.copy(chunk, 4)
  chunk.writeUInt32BE(crc32(body), 17)
  return chunk
}

/** Inserts the pHYs chunk after IHDR (8-byte signature + 25-byte IHDR chunk), so print tools see the dpi. */
export function withDpi(png: Buffer, dpi: number): Buffer {
  return Buffer.concat([png.subarray(0, 33), physChunk(dpi), png.subarray(33)])
}

/** Renders an SVG at dpi (96 = one PNG pixel per SVG px) off the event loop; deterministic bytes. */
export async function svgToPng(svg: string, dpi = 96): Promise<Buffer> {
  checkFonts()
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: dpi / 96 },
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'Noto Sans', sansSerifFamily: 'Noto Sans' },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  })
  return withDpi(image.asPng(), dpi)
}
