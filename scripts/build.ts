// Builds what the service serves and does not commit: geodata/build/ from npm packages and the
// curated files, and web/dist from web/. Each step runs only when its inputs are newer than its
// outputs, so `npm start` after `npm install` starts at once. `--force` rebuilds everything.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const force = process.argv.includes('--force')

/** Newest modification time of any file below the given paths (0 when none exist). */
function newest(paths: string[]): number {
  let t = 0
  for (const p of paths) {
    if (!existsSync(p)) continue
    const s = statSync(p)
    if (s.isDirectory()) t = Math.max(t, newest(readdirSync(p).map((f) => join(p, f))))
    else t = Math.max(t, s.mtimeMs)
  }
  return t
}

function oldest(paths: string[]): number {
  return paths.every(existsSync) ? Math.min(...paths.map((p) => newest([p]))) : 0
}

function run(command: string, args: string[]): void {
  execFileSync(command, args, { stdio: 'inherit' })
}

function main(): void {
  run(process.execPath, ['--import', 'tsx', 'scripts/build-geodata.ts', ...(force ? ['--force'] : [])])

  const webInputs = ['web/src', 'web/index.html', 'web/vite.config.ts', 'shared', 'package-lock.json']
  if (force || newest(webInputs) > oldest(['web/dist/index.html'])) {
    run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'])
    console.log('web/dist built')
  } else {
    console.log('web/dist up to date')
  }
}

main()
