import { ServerModel } from '../../models/server/server.js'
import { VideoRedundancyModel } from '../../models/redundancy/video-redundancy.js'
import { VideoModel } from '../../models/video/video.js'
import { getServerActor } from '../activitypub/server-actor.js'
import { badRequest, conflict, notFound } from '../http-problems/http-problem.js'
import { jobQueue } from '../job-queue/job-queue.js'
import { hasRedundancyOfVideo } from './redundancy-lookups.js'
import { removeRedundanciesOfServer, removeVideoRedundancy } from './remove-redundancy.js'

/** The admin's switch for mirroring a known instance; stopping it drops the mirrors we hold of that instance. */
export async function setServerRedundancyAllowed (host: string, allowed: boolean) {
  const server = await ServerModel.findOne({ where: { host: host.toLowerCase() } })
  if (!server) throw notFound('Server not found')
  server.redundancyAllowed = allowed
  await server.save()
  if (!allowed) await removeRedundanciesOfServer(server.id)
}

/** Queues a mirror of a remote video now, outside the strategies (it never expires on its own). */
export async function requestManualRedundancy (videoId: number) {
  const video = await VideoModel.findByPk(videoId)
  if (!video) throw notFound('Video not found')
  if (!video.remote) throw badRequest('Cannot mirror a local video')
  if (await hasRedundancyOfVideo(video.id, (await getServerActor()).id)) throw conflict('This video is already mirrored')
  await jobQueue.createJob('video-redundancy', { videoId: video.id, strategy: 'manual', expiresOn: null }, { dedupKey: `video-redundancy:${video.id}` })
}

/** Removes one of our own mirrors (its copy and its announce); another instance's mirror is not ours to remove. */
export async function removeOwnRedundancy (redundancyId: number) {
  const redundancy = await VideoRedundancyModel.findOne({ where: { id: redundancyId, actorId: (await getServerActor()).id } })
  if (!redundancy) throw notFound('Video redundancy not found')
  await removeVideoRedundancy(redundancy)
}
