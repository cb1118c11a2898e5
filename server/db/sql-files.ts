// Loads the project's queries from server/sql/<area>/<name>.sql, once each.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const SQL_DIR = fileURLToPath(new URL('../sql/', import.meta.url))
const cache = new Map<string, string>()

/** Returns the text of server/sql/<path>.sql, e.g. sqlFile('routes/list'). */
export function sqlFile(path: string): string {
  let text = cache.get(path)
  if (text === undefined) {
    text = readFileSync(`${SQL_DIR}${path}.sql`, 'utf8')
    cache.set(path, text)
  }
  return text
}
