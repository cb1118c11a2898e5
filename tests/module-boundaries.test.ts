// The module boundaries of docs/architecture.md: server/ and web/ never import each other; what
// both need lives in shared/, which is pure (no node:*, no server or web code), so the browser
// bundle and the service run the same lines.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = normalize(join(import.meta.dirname, '..'))
const IMPORT = /(?:import|export)\s[^;'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)/g

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(join(ROOT, path)).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : tsFiles(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

/** Every import of `dir`'s files, as [file, specifier, resolved top-level folder or package]. */
function importsOf(dir: string): { file: string; spec: string; target: string }[] {
  return tsFiles(dir).flatMap((file) =>
    [...readFileSync(join(ROOT, file), 'utf8').matchAll(IMPORT)].map((m) => {
      const spec = m[1] ?? m[2]
      const target = spec.startsWith('.') ? relative(ROOT, join(ROOT, dirname(file), spec)).split('/')[0] : spec
      return { file, spec, target }
    }),
  )
}

describe('module boundaries', () => {
  it('web/ imports nothing from server/', () => {
    expect(importsOf('web/src').filter((i) => i.target === 'server')).toEqual([])
  })

  it('server/ imports nothing from web/', () => {
    expect(importsOf('server').filter((i) => i.target === 'web')).toEqual([])
  })

  it('shared/ imports only shared/ and packages, never node:*, server/ or web/', () => {
    const bad = importsOf('shared').filter((i) => i.target === 'server' || i.target === 'web' || i.target === 'tests' || i.spec.startsWith('node:'))
    expect(bad).toEqual([])
  })

  it('finds the imports it checks (the scan is not empty)', () => {
    expect(importsOf('web/src').filter((i) => i.target === 'shared').length).toBeGreaterThan(20)
    expect(importsOf('server').filter((i) => i.target === 'shared').length).toBeGreaterThan(20)
  })
})
