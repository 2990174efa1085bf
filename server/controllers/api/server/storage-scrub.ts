import { UserRight } from '../../../../shared/models/users.js'
import { startStorageScrub } from '../../../lib/integrity/scrub-job.js'
import { formatScrubRun } from '../../../lib/integrity/scrub-report.js'
import { describeStorageScrub } from '../../../lib/integrity/scrub-status.js'
import { ApiRouter } from '../../shared/api-router.js'

// The integrity scrub: the last pass's report, and a pass started on demand.

export const storageScrubRouter = new ApiRouter('/api/v1')

storageScrubRouter.get('/server/storage-scrub', {
  operationId: 'getStorageScrub',
  summary: 'The last integrity scrub: files checked, bad, repaired, unrepairable, and the problems found',
  tags: [ 'Stats' ],
  auth: 'required',
  right: UserRight.MANAGE_CONFIGURATION
}, async (_ctx, _req, res) => {
  res.json(await describeStorageScrub())
})

storageScrubRouter.post('/server/storage-scrub', {
  operationId: 'startStorageScrub',
  summary: 'Start a scrub of every stored copy now (the running one is returned if there is one)',
  tags: [ 'Stats' ],
  auth: 'required',
  right: UserRight.MANAGE_CONFIGURATION,
  responses: { 202: 'Started', 200: 'A scrub is already running' }
}, async (_ctx, _req, res) => {
  const { run, started } = await startStorageScrub('manual')
  res.status(started ? 202 : 200).json(formatScrubRun(run))
})
