import { describe, expect, it } from 'vitest'
import { bearerHeaders, isSameOrigin } from './credentials.ts'

const ORIGIN = 'http://127.0.0.1:3123'

describe('isSameOrigin', () => {
  it('counts paths and absolute URLs of the origin as its own', () => {
    expect(isSameOrigin('/api/routes', ORIGIN)).toBe(true)
    expect(isSameOrigin(`${ORIGIN}/tiles/countries/4/8/7.mvt`, ORIGIN)).toBe(true)
  })

  it('refuses another host, port or scheme', () => {
    expect(isSameOrigin('http://127.0.0.1:3124/api/routes', ORIGIN)).toBe(false)
    expect(isSameOrigin('https://127.0.0.1:3123/api/routes', ORIGIN)).toBe(false)
    expect(isSameOrigin('https://tiles.example.org/4/8/7.mvt', ORIGIN)).toBe(false)
    expect(isSameOrigin('//tiles.example.org/4/8/7.mvt', ORIGIN)).toBe(false)
  })
})

describe('bearerHeaders', () => {
  it('sends the token to the page origin only', () => {
    expect(bearerHeaders('emb_abc.def', '/api/views/AbC123', ORIGIN)).toEqual({ authorization: 'Bearer emb_abc.def' })
    expect(bearerHeaders('emb_abc.def', 'https://elsewhere.example.org/api', ORIGIN)).toEqual({})
  })

  it('sends nothing without a token', () => {
    expect(bearerHeaders(null, '/api/routes', ORIGIN)).toEqual({})
  })
})
