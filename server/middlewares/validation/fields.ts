import { z } from 'zod'
import { PAGINATION } from '../../initializers/constants/pagination.js'

// Building blocks for request schemas. Query strings carry text only, so query fields coerce from strings.

export const positiveIntId = z.coerce.number({ message: 'Should be a positive integer id' }).int().positive()

export const queryBoolean = z.preprocess(
  value => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value),
  z.boolean({ message: 'Should be a boolean (true or false)' })
)

/** Accepts `?a=1&a=2`, `?a[]=1` and a single `?a=1` alike. */
export function queryArray<T extends z.ZodType> (item: T, max = 100) {
  return z.preprocess(
    value => (value === undefined || Array.isArray(value) ? value : [ value ]),
    z.array(item).max(max)
  )
}

/** `start`, `count` and `sort` for a list endpoint, with the sortable columns that list allows. */
export function paginationQuery<S extends string> (sortable: readonly S[], defaultSort: `-${S}` | S) {
  const sortValues = sortable.flatMap(column => [ column, `-${column}` ]) as [string, ...string[]]

  return z.object({
    start: z.coerce.number({ message: 'Should have a number start' }).int().min(0, 'Should have a number start (min: 0)').default(0),
    count: z.coerce.number({ message: `Should have a number count (max: ${PAGINATION.MAX_COUNT})` })
      .int()
      .min(0)
      .max(PAGINATION.MAX_COUNT, `Should have a number count (max: ${PAGINATION.MAX_COUNT})`)
      .default(PAGINATION.DEFAULT_COUNT),
    sort: z.enum(sortValues, { message: `Should have a sort among: ${sortValues.join(', ')}` }).default(defaultSort)
  })
}

export type Pagination = { start: number, count: number, sort: string }
