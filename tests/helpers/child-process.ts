// Child processes for crash tests: wait for a line of output, wait for the exit.
import type { ChildProcess } from 'node:child_process'

/** Resolves with the exit code (null when killed by a signal). */
export const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))))

/** Resolves with the first match of pattern in the child's stdout+stderr; rejects if it exits first. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let text = ''
    const timer = setTimeout(() => done(new Error(`no ${pattern} within ${timeoutMs} ms; output so far:\n${text.slice(-2000)}`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      text += chunk.toString()
      const m = text.match(pattern)
      if (m) done(null, m)
    }
    const onExit = (code: number | null) => done(new Error(`exited with ${code} before ${pattern}; output:\n${text.slice(-2000)}`))
    const done = (err: Error | null, m?: RegExpMatchArray) => {
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.stderr?.off('data', onData)
      child.off('exit', onExit)
      if (err) reject(err)
      else resolve(m!)
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', onExit)
  })
}
