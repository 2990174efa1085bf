/** A LIKE / ILIKE pattern matching `text` anywhere, its own `%`, `_` and `\` taken literally. */
export function containsPattern (text: string) {
  return '%' + text.replace(/[\\%_]/g, c => '\\' + c) + '%'
}
