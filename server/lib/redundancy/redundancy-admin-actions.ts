import { ServerModel } from '../../models/server/server.js'
import { VideoRedundancyModel } from '../../models/redundancy/video-redundancy.js'
import { VideoModel } from '../../models/video/video.js'
import { getServerActor } from '../activitypub/server-actor.js'
import { badRequest, conflict, notFound } from '../http-problems/http-problem.js'
import { jobQueue } from '../job-queue/job-queue.js'
import { hasRedundancyOfVideo } from './redundancy-lookups.js'
import { removeRedundanciesOfServer, removeVideoRedundancy } from './remove-redundancy.js'

// What the administrator does to mirrors (PeerTube's /server/redundancy routes).

/** Whether we may mirror this followed server's videos; refusing it drops the mirrors we keep of it. */
export async function setServerRedundancyAllowed (host: string, allowed: boolean) {
  const server = await ServerModel.findOne({ where: { host: host.toLowerCase() } })
  if (!server) throw notFound('Server not found')
  server.redundancyAllowed = allowed
  await server.save()
  if (!allowed) await removeRedundanciesOfServer(server.id)
}

/** Mirrors a remote video now (a job), whatever the strategies say. */
export async function mirrorVideoManually (videoId: number) {
  const video = await VideoModel.findByPk(videoId)
  if (!video) throw notFound('Video not found')
  if (!video.remote) throw badRequest('Cannot mirror a local video')
  if (await hasRedundancyOfVideo(video.id, (await getServerActor()).id)) throw conflict('This video is already mirrored')
  await jobQueue.createJob('video-redundancy', { videoId: video.id, strategy: 'manual', expiresOn: null }, { dedupKey: `video-redundancy:${video.id}` })
}

/** Removes one of our mirrors (and tells the origin). */
export async function removeOwnRedundancy (redundancyId: number) {
  const redundancy = await VideoRedundancyModel.findOne({ where: { id: redundancyId, actorId: (await getServerActor()).id } })
  if (!redundancy) throw notFound('Video redundancy not found')
  await removeVideoRedundancy(redundancy)
}
