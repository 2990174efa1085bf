import { z } from 'zod'
import { UserRight } from '../../../../shared/models/users.js'
import { listDeliveryHealth, retryParkedDeliveries } from '../../../lib/activitypub/send/server-health.js'
import { outboxBacklog } from '../../../lib/job-queue/outbox-backlog.js'
import { ApiRouter } from '../../shared/api-router.js'

export const deliveryHealthRouter = new ApiRouter('/api/v1')

deliveryHealthRouter.get('/server/delivery-health', {
  operationId: 'getDeliveryHealth',
  summary: 'Remote servers our deliveries fail to reach, with their parked deliveries, and the outbox by state',
  tags: [ 'Instance Follows' ],
  auth: 'required',
  right: UserRight.MANAGE_SERVER_FOLLOW
}, async (_ctx, _req, res) => {
  const [ servers, outbox ] = await Promise.all([ listDeliveryHealth(), outboxBacklog() ])
  res.json({ total: servers.length, data: servers, outbox })
})

deliveryHealthRouter.post('/server/delivery-health/:host/retry', {
  operationId: 'retryParkedDeliveries',
  summary: 'Send the parked deliveries of a server now, without waiting for their next slow retry',
  tags: [ 'Instance Follows' ],
  auth: 'required',
  right: UserRight.MANAGE_SERVER_FOLLOW,
  params: z.object({ host: z.string().min(1).max(255).regex(/^[a-z0-9.-]+(:\d{1,5})?$/i, 'Should be a host, with an optional port') }),
  responses: { 200: 'How many deliveries were queued again' }
}, async ({ params }, _req, res) => {
  res.json({ released: await retryParkedDeliveries(params.host.toLowerCase()) })
})
