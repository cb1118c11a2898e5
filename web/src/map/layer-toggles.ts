// Which style layers each basemap toggle of the legend shows or hides.

import type { LayerToggle } from '../ui/legend.ts'

/** Layer ids per toggle; all of them exist in `buildStyle`'s layers. */
export const TOGGLE_LAYER_IDS: Readonly<Record<LayerToggle, readonly string[]>> = {
  labels: ['places-minor', 'places-major', 'country-labels'],
  borders: ['borders'],
  waypoints: ['waypoints-circle', 'waypoints-label'],
}
