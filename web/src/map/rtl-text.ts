// Arabic labels. MapLibre 6 shapes Arabic and reorders right-to-left text itself; the Mapbox RTL
// text plugin (ICU in WebAssembly) is still set, from our own bundle, because it is the
// reference implementation of both and replaces the built-in one when present. The worker loads
// the plugin's UMD build with fetch and eval, so it must be that file (`dist/`), not the ES module.

import * as maplibregl from 'maplibre-gl'
import rtlTextPluginUrl from '@mapbox/mapbox-gl-rtl-text/dist/mapbox-gl-rtl-text.js?url'

let requested = false

/** Sets the plugin once per page; lazily, so it is fetched only when a right-to-left label is drawn. */
export function useRtlTextPlugin(): void {
  if (requested) return
  requested = true
  maplibregl.setRTLTextPlugin(rtlTextPluginUrl, true).catch((error: unknown) => console.error(error))
}
