import { Transform } from 'node:stream'

export class TooManyBytesError extends Error {
  constructor (readonly limit: number) {
    super(`More than the ${limit} bytes announced arrived`)
    this.name = 'TooManyBytesError'
  }
}

/**
 * Passes bytes through until more than `limit` have come, then fails without passing the piece that went over:
 * whatever is downstream never receives a byte past the limit.
 */
export function byteLimit (limit: number) {
  let seen = 0
  return new Transform({
    transform (piece: Buffer, _encoding, callback) {
      seen += piece.length
      if (seen > limit) return callback(new TooManyBytesError(limit))
      callback(null, piece)
    }
  })
}
