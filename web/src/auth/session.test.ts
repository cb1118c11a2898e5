import { describe, expect, it } from 'vitest'
import { createSessionWatch } from './session.ts'

describe('createSessionWatch', () => {
  it('tells the watcher once, at the first 401, however many calls fail', () => {
    const watch = createSessionWatch()
    let ended = 0
    watch.watch(() => ended++)
    for (const status of [200, 403, 404, 500]) watch.noteStatus(status)
    expect(ended).toBe(0)
    for (const status of [401, 401, 401]) watch.noteStatus(status)
    expect(ended).toBe(1)
  })

  it('ignores a 401 when nobody watches (an embed, local mode)', () => {
    const watch = createSessionWatch()
    watch.noteStatus(401)
    let ended = 0
    watch.watch(() => ended++)
    expect(ended).toBe(0)
  })
})
