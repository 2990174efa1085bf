import { VideoRedundancyModel } from '../../models/redundancy/video-redundancy.js'
import { detailsIncludes } from '../../models/video/queries/video-includes.js'
import { VideoFileModel } from '../../models/video/video-file.js'
import { VideoStreamingPlaylistModel } from '../../models/video/video-streaming-playlist.js'
import { VideoModel } from '../../models/video/video.js'
import { getServerActor } from '../activitypub/server-actor.js'
import { removeFilesAfterCommit } from '../job-queue/handlers/files-removal.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { hlsMirrorDir, urlFilename, webVideoMirrorPath } from './redundancy-paths.js'
import { sendUndoCacheFile } from './send-cache-file.js'

/**
 * Drops one of our mirrors: the row, the Undo to the origin and the removal of our copy, in one unit of work.
 * A remote mirror's row is simply forgotten.
 */
export async function removeVideoRedundancy (redundancy: VideoRedundancyModel) {
  const serverActor = await getServerActor()
  const file = redundancy.videoFileId ? await VideoFileModel.findByPk(redundancy.videoFileId) : null
  const playlist = redundancy.videoStreamingPlaylistId ? await VideoStreamingPlaylistModel.findByPk(redundancy.videoStreamingPlaylistId) : null
  const videoId = file?.videoId ?? playlist?.videoId
  const video = videoId ? await VideoModel.findByPk(videoId, { include: detailsIncludes() }) : null

  await unitOfWork(async () => {
    if (redundancy.actorId === serverActor.id && video) {
      await sendUndoCacheFile(serverActor, video, redundancy, file)
      if (file?.fileUrl) await removeFilesAfterCommit({ paths: [ webVideoMirrorPath(urlFilename(file.fileUrl)) ] })
      if (playlist) await removeFilesAfterCommit({ paths: [], folders: [ hlsMirrorDir(video.uuid) ] })
    }
    await redundancy.destroy()
  })
}

/** An administrator no longer wants to mirror a server: every mirror of its videos goes. */
export async function removeRedundanciesOfServer (serverId: number) {
  const serverActor = await getServerActor()
  const ours = await VideoRedundancyModel.findAll({ where: { actorId: serverActor.id } })
  for (const redundancy of ours) {
    const file = redundancy.videoFileId ? await VideoFileModel.findByPk(redundancy.videoFileId) : null
    const playlist = redundancy.videoStreamingPlaylistId ? await VideoStreamingPlaylistModel.findByPk(redundancy.videoStreamingPlaylistId) : null
    const videoId = file?.videoId ?? playlist?.videoId
    const video = videoId ? await VideoModel.findByPk(videoId, { include: [ { association: 'VideoChannel', include: [ { association: 'Actor' } ] } ] }) : null
    const channelServerId = (video?.VideoChannel as unknown as { Actor?: { serverId?: number } } | undefined)?.Actor?.serverId
    if (channelServerId === serverId) await removeVideoRedundancy(redundancy)
  }
}
