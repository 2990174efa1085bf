import { z } from 'zod'
import { UserRight } from '../../../../shared/models/users.js'
import { listVideoRedundancies } from '../../../lib/redundancy/redundancy-admin.js'
import { removeOwnRedundancy, requestManualRedundancy, setServerRedundancyAllowed } from '../../../lib/redundancy/redundancy-admin-actions.js'
import { paginationQuery, positiveIntId } from '../../../middlewares/validation/fields.js'
import { ApiRouter } from '../../shared/api-router.js'

// PeerTube's /server/redundancy routes: which followed instances we mirror, and the mirrors themselves.

export const redundancyRouter = new ApiRouter('/api/v1')

redundancyRouter.put('/server/redundancy/:host', {
  operationId: 'putServerRedundancy',
  summary: 'Allow or stop mirroring the videos of a known instance',
  tags: [ 'Instance Redundancy' ],
  auth: 'required',
  right: UserRight.MANAGE_SERVER_FOLLOW,
  params: z.object({ host: z.string().min(1).max(255).regex(/^[a-z0-9.-]+(:\d{1,5})?$/i, 'Should be a host, with an optional port') }),
  body: z.object({ redundancyAllowed: z.boolean({ message: 'Should have a boolean redundancyAllowed' }) }),
  responses: { 204: 'Updated', 404: 'No such known instance' }
}, async ({ params, body }, _req, res) => {
  await setServerRedundancyAllowed(params.host, body.redundancyAllowed)
  res.sendStatus(204)
})

redundancyRouter.get('/server/redundancy/videos', {
  operationId: 'getMirroredVideos',
  summary: 'Videos mirrored: ours by other instances (my-videos), or remote ones by us (remote-videos)',
  tags: [ 'Video Mirroring' ],
  auth: 'required',
  right: UserRight.MANAGE_SERVER_FOLLOW,
  query: paginationQuery([ 'name' ], 'name').extend({ target: z.enum([ 'my-videos', 'remote-videos' ], { message: 'Should have a valid target (my-videos or remote-videos)' }) })
}, async ({ query }, _req, res) => {
  res.json(await listVideoRedundancies(query))
})

redundancyRouter.post('/server/redundancy/videos', {
  operationId: 'putMirroredVideo',
  summary: 'Mirror a remote video now',
  tags: [ 'Video Mirroring' ],
  auth: 'required',
  right: UserRight.MANAGE_SERVER_FOLLOW,
  body: z.object({ videoId: positiveIntId }),
  responses: { 204: 'The mirror is queued', 400: 'A local video', 404: 'No such video', 409: 'Already mirrored' }
}, async ({ body }, _req, res) => {
  await requestManualRedundancy(body.videoId)
  res.sendStatus(204)
})

redundancyRouter.delete('/server/redundancy/videos/:redundancyId', {
  operationId: 'delMirroredVideo',
  summary: 'Stop one of our mirrors (its copy is removed and the origin told)',
  tags: [ 'Video Mirroring' ],
  auth: 'required',
  right: UserRight.MANAGE_SERVER_FOLLOW,
  params: z.object({ redundancyId: positiveIntId }),
  responses: { 204: 'Removed', 404: 'No such mirror of ours' }
}, async ({ params }, _req, res) => {
  await removeOwnRedundancy(params.redundancyId)
  res.sendStatus(204)
})
