import { UserRight } from '../../../../shared/models/users.js'
import { sequelize } from '../../../initializers/database.js'
import { inboxStats } from '../../../lib/activitypub/process/inbox-stats.js'
import { getServerActor } from '../../../lib/activitypub/server-actor.js'
import { jobQueue } from '../../../lib/job-queue/job-queue.js'
import { countVisibleComments } from '../../../models/video/queries/video-comment-queries.js'
import { buildCustomConfig, customConfigUpdateSchema, resetCustomConfig, updateCustomConfig } from '../../../lib/server-config/custom-config.js'
import { queryServerStats } from '../../../models/server/queries/server-stats-query.js'
import { ApiRouter } from '../../shared/api-router.js'
import { redundancyStats } from '../../../lib/redundancy/redundancy-stats.js'
import { scrubStats } from '../../../lib/integrity/scrub-report.js'

export const serverAdminRouter = new ApiRouter('/api/v1')

serverAdminRouter.get('/server/stats', {
  operationId: 'getInstanceStats',
  summary: 'Counts of users, videos, storage and federation for the admin overview',
  tags: [ 'Stats' ],
  auth: 'none'
}, async (_ctx, _req, res) => {
  const serverActor = await getServerActor()
  res.json({
    ...await queryServerStats(sequelize(), serverActor.id),
    ...await countVisibleComments(),
    videosRedundancy: await redundancyStats(serverActor.id),
    ...await scrubStats(),
    ...inboxStats(),
    totalActivityPubMessagesWaiting: await jobQueue.countWaiting('activitypub-inbox').catch(() => 0)
  })
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
