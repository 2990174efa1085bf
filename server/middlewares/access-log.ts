import type { RequestHandler } from 'express'
import { loggerWithTags } from '../helpers/logger.js'

const log = loggerWithTags('http')

/**
 * One line per request once the reply is sent: method, path, status, size and time. Media files are the exception:
 * players and WebSeeds ask for hundreds of ranges per video, and a line for each cost more than serving some of
 * them; only their failures are logged.
 */
export const accessLog: RequestHandler = (req, res, next) => {
  const started = process.hrtime.bigint()
  const isMedia = req.path.startsWith('/static/')
  res.on('finish', () => {
    if (isMedia && res.statusCode < 400) return
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    log.info(`${req.method} ${req.originalUrl} ${res.statusCode} ${res.getHeader('content-length') ?? '-'} ${ms.toFixed(1)} ms`, {
      ip: req.ip,
      userAgent: req.headers['user-agent']
    })
  })
  next()
}
