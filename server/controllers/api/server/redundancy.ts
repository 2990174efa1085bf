import { z } from 'zod'
import { UserRight } from '../../../../shared/models/users.js'
import { badRequest, conflict, notFound } from '../../../lib/http-problems/http-problem.js'
import { getServerActor } from '../../../lib/activitypub/server-actor.js'
import { jobQueue } from '../../../lib/job-queue/job-queue.js'
import { listVideoRedundancies } from '../../../lib/redundancy/redundancy-admin.js'
import { removeRedundanciesOfServer, removeVideoRedundancy } from '../../../lib/redundancy/remove-redundancy.js'
import { hasRedundancyOfVideo } from '../../../lib/redundancy/redundancy-lookups.js'
import { paginationQuery, positiveIntId } from '../../../middlewares/validation/fields.js'
import { VideoRedundancyModel } from '../../../models/redundancy/video-redundancy.js'
import { ServerModel } from '../../../models/server/server.js'
import { VideoModel } from '../../../models/video/video.js'
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
  const server = await ServerModel.findOne({ where: { host: params.host.toLowerCase() } })
  if (!server) throw notFound('Server not found')
  server.redundancyAllowed = body.redundancyAllowed
  await server.save()
  if (!body.redundancyAllowed) await removeRedundanciesOfServer(server.id)
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
  const video = await VideoModel.findByPk(body.videoId)
  if (!video) throw notFound('Video not found')
  if (!video.remote) throw badRequest('Cannot mirror a local video')
  if (await hasRedundancyOfVideo(video.id, (await getServerActor()).id)) throw conflict('This video is already mirrored')
  await jobQueue.createJob('video-redundancy', { videoId: video.id, strategy: 'manual', expiresOn: null }, { dedupKey: `video-redundancy:${video.id}` })
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
  const redundancy = await VideoRedundancyModel.findOne({ where: { id: params.redundancyId, actorId: (await getServerActor()).id } })
  if (!redundancy) throw notFound('Video redundancy not found')
  await removeVideoRedundancy(redundancy)
  res.sendStatus(204)
})
