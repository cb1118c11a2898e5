// One CSV text cell, formula-safe: what every CSV the service or the web app writes goes through.

/**
 * One CSV text cell: quoted when it holds a comma, quote or line break, and prefixed with ' when it
 * starts with = + - @ tab or CR, so a spreadsheet shows it as text instead of running a formula.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
