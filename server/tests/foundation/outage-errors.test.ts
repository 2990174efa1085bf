import { expect } from 'chai'
import pg from 'pg'
import { DatabaseError } from 'sequelize'
import { outageOf } from '../../helpers/outage-errors.js'

// Which errors mean "our database or Redis is away right now" (503, jobs wait) rather than "this work is wrong".

/** What Sequelize throws for an error pg reported under a query. */
function underQuery (parent: Error & { code?: string }) {
  return new DatabaseError(Object.assign(parent, { sql: 'SELECT 1' }) as never)
}

describe('Outage errors', function () {
  it('reads a connection reset, a broken pipe or a refused socket under a query as a database outage', function () {
    for (const code of [ 'ECONNRESET', 'EPIPE', 'ECONNREFUSED' ]) {
      expect(outageOf(underQuery(Object.assign(new Error(`read ${code}`), { code }))), code).to.equal('database')
    }
  })

  it('reads PostgreSQL shutting down and pg losing its connection as a database outage', function () {
    expect(outageOf(underQuery(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })))).to.equal('database')
    expect(outageOf(underQuery(new Error('Connection terminated unexpectedly')))).to.equal('database')
  })

  it('does not take a wrong query, or a remote server refusing us, for an outage', function () {
    expect(outageOf(underQuery(Object.assign(new Error('syntax error'), { code: '42601' })))).to.equal(undefined)
    expect(outageOf(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }))).to.equal(undefined)
    expect(outageOf(new pg.DatabaseError('duplicate key', 0, 'error'))).to.equal(undefined)
  })
})
