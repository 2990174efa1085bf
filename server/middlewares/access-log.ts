import type { RequestHandler } from 'express'
import { loggerWithTags } from '../helpers/logger.js'

const log = loggerWithTags('http')

/** One line per request once the reply is sent: method, path, status, size and time. */
export const accessLog: RequestHandler = (req, res, next) => {
  const started = process.hrtime.bigint()
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    log.info(`${req.method} ${req.originalUrl} ${res.statusCode} ${res.getHeader('content-length') ?? '-'} ${ms.toFixed(1)} ms`, {
      ip: req.ip,
      userAgent: req.headers['user-agent']
    })
  })
  next()
}
