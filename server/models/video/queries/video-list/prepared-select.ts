import { createHash } from 'node:crypto'
import { DatabaseError, QueryTypes, type Sequelize } from 'sequelize'
import sqlUtils from 'sequelize/lib/utils/sql'
import { transactionNamespace } from '../../../../initializers/transaction-context.js'
import { VIDEO_LIST_PREPARED } from '../../../../initializers/constants/video-list.js'

/**
 * A list statement (its values inlined, so the planner sees constants) sent as a named prepared statement once it
 * is frequent: PostgreSQL then plans it once per connection instead of once per request. List statements are long
 * (audience conditions, JSON of the page's channels and avatars): planning took 3 to 14 ms of a first page whose
 * execution takes about 1 ms. A prepared plan without parameters is the plan PostgreSQL would choose anyway, and it
 * is planned again after an ANALYZE or a schema change of a table it reads (PostgreSQL invalidates it).
 *
 * Bounded on both sides: a statement is prepared only after VIDEO_LIST_PREPARED.PREPARE_AFTER_USES uses among the
 * last TRACKED_STATEMENTS (one-off searches never are), and each connection keeps at most PER_CONNECTION of them
 * (the least recently used is deallocated: a plan of a list statement holds about 1 MB in its backend).
 */

interface PgClient {
  query: (config: { name?: string, text: string }) => Promise<{ rows: unknown[] }>
  /** pg's record of the statements it prepared on this connection (it skips Parse for those). */
  connection?: { parsedStatements?: Record<string, string> }
  /** Sequelize's mark of a connection to throw away instead of returning it to the pool. */
  _invalid?: boolean
}

interface ConnectionManagerLike {
  getConnection: (options: { type: 'read' | 'write' }) => Promise<unknown>
  releaseConnection: (connection: unknown) => void
}

/** A recent statement: its text as sent (values inlined), the name it is prepared under, and its uses. */
interface RecentStatement {
  text: string
  name: string
  uses: number
}

/**
 * Recent statements, by SQL and values (insertion order = recency). The same list asked again skips inlining its
 * values and hashing its text (a quarter of a millisecond of a first page's 5 ms of Node time).
 */
const recentStatements = new Map<string, RecentStatement>()
/** Per connection: the names it has prepared, least recently used first. */
const preparedByConnection = new WeakMap<object, Map<string, true>>()

function statementName (text: string) {
  return 'tl_list_' + createHash('sha1').update(text).digest('hex').slice(0, 32)
}

type Dialect = Parameters<typeof sqlUtils.injectReplacements>[1]

/** The statement for this SQL and these values, with one more use counted. */
function useStatement (sql: string, dialect: Dialect, replacements: Record<string, unknown>) {
  const key = sql + '\u0000' + JSON.stringify(replacements)
  let statement = recentStatements.get(key)
  if (statement === undefined) {
    // The statement as Sequelize would send it (values escaped inline): its text names its prepared statement.
    const text = sqlUtils.injectReplacements(sql, dialect, replacements)
    statement = { text, name: statementName(text), uses: 0 }
  } else {
    recentStatements.delete(key)
  }
  statement.uses++
  recentStatements.set(key, statement)
  if (recentStatements.size > VIDEO_LIST_PREPARED.TRACKED_STATEMENTS) recentStatements.delete(recentStatements.keys().next().value as string)
  return statement
}

/** Makes room for `name` on this connection (deallocating its least recently used statement) and marks it used. */
async function reserve (client: PgClient, name: string) {
  let prepared = preparedByConnection.get(client)
  if (!prepared) {
    prepared = new Map()
    preparedByConnection.set(client, prepared)
  }
  if (prepared.delete(name)) {
    prepared.set(name, true)
    return
  }
  while (prepared.size >= VIDEO_LIST_PREPARED.PER_CONNECTION) {
    const oldest = prepared.keys().next().value as string
    prepared.delete(oldest)
    if (client.connection?.parsedStatements?.[oldest] === undefined) continue
    await client.query({ text: `DEALLOCATE "${oldest}"` })
    delete client.connection.parsedStatements[oldest]
  }
  prepared.set(name, true)
}

const SOCKET_LOST = new Set([ 'ECONNRESET', 'EPIPE', 'ETIMEDOUT' ])

/** SELECT rows of a list statement (`:name` replacements, as sequelize.query), prepared once it is frequent. */
export async function selectListRows<T extends object> (sequelize: Sequelize, sql: string, replacements: Record<string, unknown>): Promise<T[]> {
  const dialect = (sequelize as unknown as { dialect: Dialect }).dialect
  const { text, name, uses } = useStatement(sql, dialect, replacements)
  // Inside a unit of work the statement must run on the transaction's connection: Sequelize's path does that.
  if (transactionNamespace.get('transaction') !== undefined || uses < VIDEO_LIST_PREPARED.PREPARE_AFTER_USES) {
    return sequelize.query<T>(text, { type: QueryTypes.SELECT })
  }

  const manager = sequelize.connectionManager as unknown as ConnectionManagerLike
  const client = await manager.getConnection({ type: 'read' }) as PgClient
  try {
    await reserve(client, name)
    const result = await client.query({ name, text })
    return result.rows as T[]
  } catch (err) {
    // As Sequelize does for its own queries: a broken connection leaves the pool, the error reads as a database one.
    preparedByConnection.get(client)?.delete(name)
    if (SOCKET_LOST.has(String((err as { code?: unknown }).code))) client._invalid = true
    throw err instanceof Error ? new DatabaseError(err as Error & { sql: string, parameters: object }) : err
  } finally {
    manager.releaseConnection(client)
  }
}
