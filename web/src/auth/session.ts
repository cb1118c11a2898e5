// The end of a signed-in session while the page is open (12 h after sign-in, or revoked by an
// admin): the app's API helpers report every refused answer's status here, and the first 401
// tells the app, once, so it can ask for a sign-in again. Only the app in user mode watches; an
// embed and local mode never do, so for them a 401 stays an ordinary load error.

export interface SessionWatch {
  /** Calls `onEnded` once, at the first 401 reported from now on (replaces an earlier watcher). */
  watch(onEnded: () => void): void
  /** Reports the HTTP status of an API answer. */
  noteStatus(status: number): void
}

/** A watch of its own (the page uses the one behind `watchSession` and `noteStatus`). */
export function createSessionWatch(): SessionWatch {
  let onEnded: (() => void) | null = null
  return {
    watch(listener) {
      onEnded = listener
    },
    noteStatus(status) {
      if (status !== 401 || onEnded === null) return
      const listener = onEnded
      // Several calls may fail together (panel, hotspots, tiles): the form shows once.
      onEnded = null
      listener()
    },
  }
}

const pageWatch = createSessionWatch()

/** Calls `onEnded` once, when an API call of the page first answers 401. */
export const watchSession: SessionWatch['watch'] = (onEnded) => pageWatch.watch(onEnded)

/** Reports the HTTP status of an API answer of the page; a 401 ends a watched session. */
export const noteStatus: SessionWatch['noteStatus'] = (status) => pageWatch.noteStatus(status)
