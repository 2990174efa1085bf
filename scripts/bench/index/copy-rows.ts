import { pipeline } from 'node:stream/promises'
import { Readable } from 'node:stream'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'

export type CopyValue = string | number | boolean | Date | null | undefined

/** One value in COPY's text format: NULL as \N, and the four characters COPY treats specially escaped. */
function copyField (value: CopyValue) {
  if (value === null || value === undefined) return '\\N'
  if (value instanceof Date) return value.toISOString()
  if (typeof value !== 'string') return String(value)
  return value.replace(/[\\\t\n\r]/g, c => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
}

/**
 * Streams rows into a table with COPY ... FROM STDIN (one round trip for the whole table, not one INSERT per row).
 * `rows` is consumed lazily, so a million rows never sit in memory at once.
 */
export async function copyRows (client: pg.Client, table: string, columns: string[], rows: Iterable<CopyValue[]>) {
  const quoted = columns.map(c => `"${c}"`).join(', ')
  const sink = client.query(copyFrom(`COPY "${table}" (${quoted}) FROM STDIN`))
  const lines = function * () {
    let batch = ''
    for (const row of rows) {
      batch += row.map(copyField).join('\t') + '\n'
      if (batch.length > 256 * 1024) {
        yield batch
        batch = ''
      }
    }
    if (batch) yield batch
  }
  await pipeline(Readable.from(lines()), sink)
}
