import { buildAboutConfig, buildPublicConfig } from '../../lib/server-config/public-config.js'
import { ApiRouter } from '../shared/api-router.js'

export const configRouter = new ApiRouter('/api/v1')

configRouter.get('/config', {
  operationId: 'getConfig',
  summary: 'Public configuration of this instance',
  tags: [ 'Config' ],
  auth: 'none'
}, async (_ctx, _req, res) => {
  res.json(await buildPublicConfig())
})

configRouter.get('/config/about', {
  operationId: 'getAbout',
  summary: 'Presentation of this instance',
  tags: [ 'Config' ],
  auth: 'none'
}, (_ctx, _req, res) => {
  res.json(buildAboutConfig())
})

configRouter.get('/ping', {
  operationId: 'ping',
  summary: 'Liveness check: answers as soon as the instance serves requests',
  tags: [ 'Config' ],
  auth: 'none'
}, (_ctx, _req, res) => {
  res.json({ status: 'ok' })
})
