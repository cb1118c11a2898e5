// Solves a maximal covering model with HiGHS (WebAssembly, single-threaded): the MIP for the
// exact method, or its LP relaxation for an upper bound on any plan. Runs where it is called:
// the worker in exact-worker.ts calls it off the event loop.
import type { Highs } from 'highs'
import type { MclpModel } from '../geo/coverage/mip-model.ts'

export interface SolveOptions {
  /** solve the MIP (true) or only its LP relaxation */
  integer: boolean
  /** HiGHS time_limit, seconds */
  timeLimitS: number
  /** column values of a known feasible plan (a MIP start) */
  start?: Float64Array
}

export interface SolveResult {
  /** optimal: proven; time_limit: stopped with the best found; failed: no usable answer */
  status: 'optimal' | 'time_limit' | 'failed'
  /** covered weight of the best plan found (MIP) or of the relaxation (LP), in demand units */
  objective: number | null
  /** proven upper bound on the covered weight, in demand units */
  bound: number | null
  /** column values (MIP: the plan) */
  colValue: Float64Array | null
  seconds: number
}

/** Runs HiGHS on the model; objective and bound come back unscaled, existing coverage included. */
export function solveMclp(highs: Highs, m: MclpModel, options: SolveOptions): SolveResult {
  const { constants } = highs
  const model = highs.createModel({
    numCols: m.numCols,
    numRows: m.numRows,
    sense: constants.objectiveSense.maximize,
    colCost: m.colCost,
    colLower: new Float64Array(m.numCols),
    colUpper: new Float64Array(m.numCols).fill(1),
    rowLower: new Float64Array(m.numRows).fill(-highs.infinity),
    rowUpper: m.rowUpper,
    matrix: { format: 'csr', numRows: m.numRows, numCols: m.numCols, starts: m.start, indices: m.index, values: m.value },
    ...(options.integer
      ? { integrality: Int32Array.from({ length: m.numCols }, (_, c) => (c < m.siteCols ? constants.variableType.integer : constants.variableType.continuous)) }
      : {}),
  })
  try {
    model.options.set({ output_flag: false, time_limit: options.timeLimitS, mip_rel_gap: 1e-6 })
    if (options.integer && options.start) model.setSolution({ colValue: options.start })
    model.run()
    const status = model.getModelStatus()
    const unscale = (v: number) => v / m.scale + m.offset
    const seconds = model.getRunTime()
    if (status === constants.modelStatus.optimal) {
      const objective = unscale(model.getObjectiveValue())
      return { status: 'optimal', objective, bound: options.integer ? unscale(Number(model.info.get('mip_dual_bound'))) : objective, colValue: model.getSolution().colValue, seconds }
    }
    if (options.integer && status === constants.modelStatus.timeLimit && Number(model.info.get('primal_solution_status')) === 2) {
      const bound = Number(model.info.get('mip_dual_bound'))
      return { status: 'time_limit', objective: unscale(model.getObjectiveValue()), bound: Number.isFinite(bound) ? unscale(bound) : null, colValue: model.getSolution().colValue, seconds }
    }
    return { status: status === constants.modelStatus.timeLimit ? 'time_limit' : 'failed', objective: null, bound: null, colValue: null, seconds }
  } finally {
    model.dispose()
  }
}
