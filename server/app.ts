import express from 'express'
import { buildActivityPubRouter } from './controllers/activitypub/index.js'
import { buildApiRouter } from './controllers/api/index.js'
import { buildClientRouter } from './controllers/client.js'
import { buildLazyStaticRouter } from './controllers/lazy-static.js'
import { buildStaticRouter } from './controllers/static.js'
import { buildWellKnownRouter } from './controllers/well-known.js'
import { feedsRouter } from './controllers/feeds/index.js'
import { servicesRouter } from './controllers/services.js'
import { CONFIG } from './initializers/config/index.js'
import { accessLog } from './middlewares/access-log.js'
import { compressResponses } from './middlewares/compression.js'
import { errorHandler, notFoundProblem } from './middlewares/error-handler.js'
import { guardPathAndQuery } from './middlewares/input-guards.js'
import { requestMetrics } from './middlewares/request-metrics.js'
import { securityHeaders } from './middlewares/security-headers.js'

/**
 * The HTTP application: routes only; starting services and listening is server.ts's job (which hands tracker
 * announces to the tracker before this application sees them).
 */
export function buildApp () {
  const app = express()

  app.set('trust proxy', CONFIG.trust_proxy)
  app.set('query parser', 'extended')
  app.disable('x-powered-by')

  // First, so the duration covers every middleware. Not installed at all while the histogram is off.
  if (CONFIG.open_telemetry.metrics.enabled && CONFIG.open_telemetry.metrics.http_request_duration.enabled) app.use(requestMetrics)
  if (CONFIG.log.log_http_requests) app.use(accessLog)
  app.use(securityHeaders())
  app.use(guardPathAndQuery)
  app.use(compressResponses())

  app.use('/api/v1', buildApiRouter())
  app.use(buildLazyStaticRouter())
  app.use(buildStaticRouter())
  app.use(buildWellKnownRouter())
  app.use('/feeds', feedsRouter.router)
  app.use(servicesRouter.router)
  // Before the client: actor URLs answer ActivityPub clients here and fall through to the client for browsers.
  app.use(buildActivityPubRouter())
  app.use(buildClientRouter())

  app.use(notFoundProblem)
  app.use(errorHandler)
  return app
}
