// Debian poppler-utils (pdftotext, pdftoppm) for the report tests: whether it is installed; on CI
// its absence fails the run instead of skipping the tests.
import { execFileSync } from 'node:child_process'

/** Whether pdftotext runs here; throws on CI when it does not. `file` names the test needing it. */
export function popplerAvailable(file: string): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    if (process.env.CI === 'true') throw new Error(`poppler-utils (pdftotext, pdftoppm) is needed for ${file}`)
    return false
  }
}
