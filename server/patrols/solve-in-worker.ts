// Runs solve-mip.ts in a worker thread with a hard deadline: HiGHS's own time_limit stops the
// search, and the worker is terminated if it has not answered a few seconds after that.
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { MclpModel } from '../geo/coverage/mip-model.ts'
import type { SolveOptions, SolveResult } from './solve-mip.ts'

const WORKER = new URL('./exact-worker.ts', import.meta.url).href
// workers do not inherit tsx's loader: register it inside the worker before importing the body
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json').replace(/package\.json$/, 'dist/esm/api/index.mjs')).href
const BOOT = `import(${JSON.stringify(TSX_API)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER)}) })`

/** Solves the model off the main thread; resolves with status 'failed' if the worker dies or overruns. */
export function solveInWorker(model: MclpModel, options: SolveOptions, graceMs = 10_000): Promise<SolveResult> {
  const failed: SolveResult = { status: 'failed', objective: null, bound: null, colValue: null, seconds: options.timeLimitS }
  return new Promise((resolve) => {
    const worker = new Worker(BOOT, { eval: true, workerData: { model, options } })
    const timer = setTimeout(() => {
      resolve(failed)
      void worker.terminate()
    }, options.timeLimitS * 1000 + graceMs)
    const finish = (result: SolveResult) => {
      clearTimeout(timer)
      resolve(result)
      void worker.terminate()
    }
    worker.once('message', finish)
    worker.once('error', () => finish(failed))
    worker.once('exit', () => finish(failed))
  })
}
