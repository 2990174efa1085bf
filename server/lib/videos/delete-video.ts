import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Op } from 'sequelize'
import { detailsIncludes } from '../../models/video/queries/video-includes.js'
import { VideoModel } from '../../models/video/video.js'
import { OutboxEntryModel } from '../../models/outbox/outbox-entry.js'
import { captionFilePath } from '../captions/caption-files.js'
import { storyboardFilePath } from '../storyboards/storyboard-files.js'
import { removeFilesAfterCommit } from '../job-queue/handlers/files-removal.js'
import { abortVideoTranscoding } from '../transcoding/transcode-video.js'
import { afterCommit, unitOfWork } from '../unit-of-work/unit-of-work.js'
import { hlsDir, inputFilesDir, torrentsDir, transcodingWorkDir, webVideoFilePathIn } from '../video-paths.js'
import { recordVideoDeleted } from './video-events.js'
import { invalidateVideoFileAccess } from './video-file-access.js'
import { isVideoFederated } from './video-federation-rules.js'
import { imagePathOnDisk } from './video-images.js'
import { faultPoint } from '../../helpers/fault-points.js'
import { bucketObjectsOf } from '../object-storage/video-bucket-objects.js'
import { loadKeptOriginal, originalFilePath } from './video-source.js'

/**
 * Removes a video: its rows, the Delete its followers must get, and the removal of every file of it (web videos
 * in both folders, HLS folder, torrents, images, kept source, work folder), all in one unit of work. Files go
 * as soon as the rows are gone, with a job recorded in the same unit of work as the safety net, so a crash at any
 * point leaves neither a row without files nor a file without a row.
 */
export async function deleteVideo (video: VideoModel) {
  const files = await filesOf(video)

  await unitOfWork(async () => {
    await recordVideoDeleted(video, isVideoFederated(video))
    await video.destroy()
    await removeFilesAfterCommit(files)
    afterCommit(() => {
      invalidateVideoFileAccess(video.uuid)
      // A transcoding still running for it stops now, instead of encoding for nobody.
      abortVideoTranscoding(video.uuid)
    })
  })
  faultPoint('delete-committed')
}

async function filesOf (video: VideoModel) {
  const local = await localFilesOf(video)
  return { ...local, objects: await bucketObjectsOf(video) }
}

async function localFilesOf (video: VideoModel) {
  const torrent = (filename: string | null) => filename ? [ join(torrentsDir(), filename) ] : []
  const source = video.remote ? null : await loadKeptOriginal(video.id)
  const paths = [
    // Both folders: a privacy move may have been interrupted.
    ...(video.VideoFiles ?? []).flatMap(file => video.remote ? [] : [ webVideoFilePathIn(false, file), webVideoFilePathIn(true, file) ]),
    ...(video.VideoFiles ?? []).flatMap(file => torrent(file.torrentFilename)),
    ...(video.VideoStreamingPlaylists ?? []).flatMap(p => p.VideoFiles ?? []).flatMap(file => torrent(file.torrentFilename)),
    ...(video.Thumbnails ?? []).filter(t => t.onDisk).map(imagePathOnDisk),
    ...(video.VideoCaptions ?? []).filter(c => c.onDisk).map(c => captionFilePath(c.filename)),
    ...(video.Storyboard?.onDisk ? [ storyboardFilePath(video.Storyboard) ] : []),
    ...(source ? [ originalFilePath(source) ] : [])
  ]
  if (video.remote) return { paths, folders: [] }

  // Replaced renditions kept for their viewers: nobody is to play them now.
  paths.push(...await OutboxEntryModel.listReplacedFilesOf(video.uuid))

  const inputs = (await readdir(inputFilesDir()).catch(() => [] as string[]))
    .filter(e => e.startsWith(`${video.uuid}-input`))
    .map(e => join(inputFilesDir(), e))
  return {
    paths: [ ...paths, ...inputs ],
    folders: [ hlsDir(video, false), hlsDir(video, true), transcodingWorkDir(video.uuid) ]
  }
}

/** Deletes every video of these channels with its files, before the channels themselves go. */
export async function deleteVideosOfChannels (channelIds: number[]) {
  if (channelIds.length === 0) return
  const videos = await VideoModel.findAll({ where: { channelId: { [Op.in]: channelIds } }, include: detailsIncludes() })
  for (const video of videos) await deleteVideo(video)
}
