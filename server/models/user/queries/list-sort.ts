import type { Order } from 'sequelize'

/**
 * `createdAt` / `-createdAt` (PeerTube's sort syntax) as a Sequelize order. The id comes second so pages of a
 * list never overlap or skip rows that share a value.
 */
export function sortToOrder (sort: string, columns: Record<string, string> = {}): Order {
  const descending = sort.startsWith('-')
  const field = descending ? sort.slice(1) : sort
  const column = columns[field] ?? field
  const direction = descending ? 'DESC' : 'ASC'
  return column === 'id' ? [ [ 'id', direction ] ] : [ [ column, direction ], [ 'id', 'ASC' ] ]
}
