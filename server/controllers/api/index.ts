import cors from 'cors'
import express from 'express'
import { apiNotFound } from '../../middlewares/error-handler.js'
import { apiRateLimiter } from '../../middlewares/rate-limit.js'
import { configRouter } from './config.js'
import { jobsRouter } from './jobs.js'
import { oauthRouter } from './oauth.js'
import { openApiRouter } from './openapi.js'

/** Everything under /api/v1. Each feature exports an ApiRouter; adding one here is all it takes to serve it. */
export function buildApiRouter () {
  const api = express.Router()

  // Any origin may call the API (apps, other instances' front ends), as with PeerTube.
  api.use(cors({ exposedHeaders: [ 'Retry-After', 'Location', 'Range' ] }))
  api.use(apiRateLimiter)
  api.use(express.json({ limit: '500kb', type: [ 'application/json', 'application/*+json' ] }))
  api.use(express.urlencoded({ extended: true, limit: '500kb' }))

  for (const feature of [ configRouter, oauthRouter, jobsRouter, openApiRouter ]) {
    api.use(feature.router)
  }

  api.use(apiNotFound)
  return api
}
