import { describe, expect, it } from 'vitest'
import { TileCache } from './tile-cache.ts'

describe('TileCache', () => {
  it('returns what was stored', () => {
    const cache = new TileCache(100)
    cache.set('a', new Uint8Array(10))
    expect(cache.get('a')?.byteLength).toBe(10)
  })

  it('drops the least recently used tiles past its byte budget', () => {
    const cache = new TileCache(30)
    cache.set('a', new Uint8Array(10))
    cache.set('b', new Uint8Array(10))
    cache.get('a')
    cache.set('c', new Uint8Array(15))
    expect([cache.get('a') !== undefined, cache.get('b') !== undefined, cache.get('c') !== undefined]).toEqual([true, false, true])
  })

  it('does not hold a tile larger than its whole budget', () => {
    const cache = new TileCache(5)
    cache.set('big', new Uint8Array(6))
    expect(cache.size).toBe(0)
  })

  it('asks for the data versions once per TTL, and again after they are forgotten', async () => {
    const cache = new TileCache(100, 500)
    let loads = 0
    const load = async () => new Map([['routes', ++loads]])
    expect((await cache.versions(load, 1000)).get('routes')).toBe(1)
    expect((await cache.versions(load, 1400)).get('routes')).toBe(1)
    expect((await cache.versions(load, 1600)).get('routes')).toBe(2)
    cache.forgetVersions()
    expect((await cache.versions(load, 1700)).get('routes')).toBe(3)
  })
})
