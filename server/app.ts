import express from 'express'
import { buildApiRouter } from './controllers/api/index.js'
import { buildClientRouter } from './controllers/client.js'
import { CONFIG } from './initializers/config/index.js'
import { accessLog } from './middlewares/access-log.js'
import { errorHandler } from './middlewares/error-handler.js'

/** The HTTP application: routes only; starting services and listening is server.ts's job. */
export function buildApp () {
  const app = express()

  app.set('trust proxy', CONFIG.trust_proxy)
  app.set('query parser', 'extended')
  app.disable('x-powered-by')

  if (CONFIG.log.log_http_requests) app.use(accessLog)

  app.use('/api/v1', buildApiRouter())
  app.use(buildClientRouter())

  app.use(errorHandler)
  return app
}
