import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { loggerWithTags } from '../../helpers/logger.js'
import { Op } from 'sequelize'
import { detailsIncludes } from '../../models/video/queries/video-includes.js'
import { VideoModel } from '../../models/video/video.js'
import { hlsDir, inputFilesDir, torrentsDir, transcodingWorkDir, webVideoFilePath } from '../video-paths.js'
import { abortVideoTranscoding } from '../transcoding/transcode-video.js'
import { imagePathOnDisk } from './video-images.js'
import { videoEvents } from './video-events.js'

const log = loggerWithTags('videos')

/** Removes a video's rows and every file of it: web videos, HLS folder, torrents, images, kept source. */
export async function deleteVideo (video: VideoModel) {
  if (!video.remote) videoEvents.emit('deleted', video)
  // A transcoding still running for it stops now, instead of encoding for nobody.
  abortVideoTranscoding(video.uuid)

  const files = [
    ...(video.VideoFiles ?? []).flatMap(file => [
      video.remote ? undefined : webVideoFilePath(video, file),
      file.torrentFilename ? join(torrentsDir(), file.torrentFilename) : undefined
    ]),
    ...(video.VideoStreamingPlaylists ?? []).flatMap(p => p.VideoFiles ?? []).map(file => file.torrentFilename ? join(torrentsDir(), file.torrentFilename) : undefined),
    ...(video.Thumbnails ?? []).filter(t => t.onDisk).map(imagePathOnDisk)
  ].filter((p): p is string => !!p)

  await video.destroy()

  await Promise.all([
    ...files.map(path => rm(path, { force: true })),
    rm(hlsDir(video), { recursive: true, force: true }),
    rm(transcodingWorkDir(video.uuid), { recursive: true, force: true }),
    removeInputFiles(video.uuid)
  ]).catch(err => log.error(`Some files of deleted video ${video.uuid} could not be removed`, { err }))
}

async function removeInputFiles (uuid: string) {
  const entries = await readdir(inputFilesDir()).catch(() => [] as string[])
  await Promise.all(entries.filter(e => e.startsWith(`${uuid}-input`)).map(e => rm(join(inputFilesDir(), e), { force: true })))
}

/** Deletes every video of these channels with its files, before the channels themselves go. */
export async function deleteVideosOfChannels (channelIds: number[]) {
  if (channelIds.length === 0) return
  const videos = await VideoModel.findAll({ where: { channelId: { [Op.in]: channelIds } }, include: detailsIncludes() })
  for (const video of videos) await deleteVideo(video)
}
