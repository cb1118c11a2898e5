// Name matching that forgives accents, case and punctuation: "Séguédine" and "seguedine",
// "Faya-Largeau" and "faya largeau" give the same key. Arabic letters are kept as they are.

/** Normalises one name or query to its search form: lower case, no accents, single spaces. */
export function searchKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** The stored key of a place: every name's search form joined by '|', so a LIKE can match any. */
export function placeSearchKey(names: readonly string[]): string {
  return `|${[...new Set(names.map(searchKey).filter((k) => k !== ''))].join('|')}|`
}
