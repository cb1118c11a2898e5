// Worker thread body: loads HiGHS (WebAssembly) and solves one maximal covering model, so a
// long branch-and-bound never blocks the server's event loop. Started by solve-in-worker.ts.
import loadHighs from 'highs'
import { parentPort, workerData } from 'node:worker_threads'
import type { MclpModel } from '../geo/coverage/mip-model.ts'
import { solveMclp, type SolveOptions } from './solve-mip.ts'

const { model, options } = workerData as { model: MclpModel; options: SolveOptions }
const highs = await loadHighs()
parentPort!.postMessage(solveMclp(highs, model, options))
