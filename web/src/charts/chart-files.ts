// A chart as files: its SVG as drawn, a PNG rendered from that SVG in a canvas (twice the pixels,
// for print), and its CSV; saved through a temporary link, nothing leaves the machine.

/** The SVG text as a file. */
export function svgBlob(svg: string): Blob {
  return new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`], { type: 'image/svg+xml' })
}

/** The CSV text as a file (UTF-8 with a byte-order mark, so spreadsheets read Arabic and accents right). */
export function csvBlob(csv: string): Blob {
  return new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' })
}

/** The SVG drawn into a canvas of `scale` times its size, as a PNG file. */
export async function pngBlob(svg: string, widthPx: number, heightPx: number, scale = 2): Promise<Blob> {
  const image = new Image()
  image.width = widthPx
  image.height = heightPx
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))
  try {
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve()
      image.onerror = () => reject(new Error('the chart could not be drawn as an image'))
      image.src = url
    })
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(widthPx * scale)
    canvas.height = Math.round(heightPx * scale)
    const context = canvas.getContext('2d')
    if (!context) throw new Error('no 2D canvas in this browser')
    context.fillStyle = '#fff'
    context.fillRect(0, 0, canvas.width, canvas.height)
    context.drawImage(image, 0, 0, canvas.width, canvas.height)
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))), 'image/png'))
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** Offers `blob` as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.type = blob.type
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
