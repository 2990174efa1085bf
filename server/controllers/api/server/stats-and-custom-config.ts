import { UserRight } from '../../../../shared/models/users.js'
import { buildCustomConfig, customConfigUpdateSchema, resetCustomConfig, updateCustomConfig } from '../../../lib/server-config/custom-config.js'
import { buildServerStats } from '../../../lib/server-stats/server-stats.js'
import { ApiRouter } from '../../shared/api-router.js'

export const serverAdminRouter = new ApiRouter('/api/v1')

serverAdminRouter.get('/server/stats', {
  operationId: 'getInstanceStats',
  summary: 'Counts of users, videos, storage and federation for the admin overview',
  tags: [ 'Stats' ],
  auth: 'none'
}, async (_ctx, _req, res) => {
  res.json(await buildServerStats())
})

serverAdminRouter.get('/config/custom', {
  operationId: 'getCustomConfig',
  summary: 'The settings an administrator may change at runtime',
  tags: [ 'Config' ],
  auth: 'required',
  right: UserRight.MANAGE_CONFIGURATION
}, (_ctx, _req, res) => {
  res.json(buildCustomConfig())
})

serverAdminRouter.put('/config/custom', {
  operationId: 'putCustomConfig',
  summary: 'Change runtime settings: applied at once and kept across restarts; settings left out keep their value, unknown keys are refused',
  tags: [ 'Config' ],
  auth: 'required',
  right: UserRight.MANAGE_CONFIGURATION,
  body: customConfigUpdateSchema,
  responses: { 200: 'The settings now in force', 400: 'A setting is invalid (named in invalid-params)' }
}, async ({ body }, _req, res) => {
  res.json(await updateCustomConfig(body))
})

serverAdminRouter.delete('/config/custom', {
  operationId: 'delCustomConfig',
  summary: 'Forget runtime changes: back to the configuration files',
  tags: [ 'Config' ],
  auth: 'required',
  right: UserRight.MANAGE_CONFIGURATION
}, async (_ctx, _req, res) => {
  res.json(await resetCustomConfig())
})
