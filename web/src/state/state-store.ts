// The app's one map state, kept in the URL: every change replaces the query string (no history
// entry per pan), so reloading or sharing the address restores the same map.

import type { MapState } from '../../../shared/map-state.ts'
import { mapStateSearch } from './url-state.ts'

export interface StateStore {
  get(): MapState
  /** Applies `change`, writes the URL, then tells the listeners. */
  update(change: (state: MapState) => MapState): void
  /** Adds a listener; the returned function removes it. */
  subscribe(listener: (state: MapState) => void): () => void
}

/** A store starting at `initial`, writing `location.search` with history.replaceState. */
export function createStateStore(initial: MapState): StateStore {
  let state = initial
  const listeners: ((state: MapState) => void)[] = []
  return {
    get: () => state,
    update(change) {
      const next = change(state)
      if (next === state) return
      state = next
      const search = mapStateSearch(state)
      if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`)
      for (const listener of listeners) listener(state)
    },
    subscribe(listener) {
      listeners.push(listener)
      return () => {
        const i = listeners.indexOf(listener)
        if (i >= 0) listeners.splice(i, 1)
      }
    },
  }
}
