import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { VideoFileModel } from '../../models/video/video-file.js'
import type { VideoModel } from '../../models/video/video.js'
import { leavingMarkerPaths } from '../video-paths.js'

/**
 * A video made private keeps its files in the public folders until the move that follows the change has run. The
 * app's public routes obey the row from the commit on; a web server that serves the public folders from disk
 * (the shipped nginx configuration) cannot read the row, so each such file gets a marker first, before the change
 * commits, and nginx hands marked files to the app. The move removes the markers once the files have left.
 * A marker left by a change that rolled back only sends that file through the app, which serves it as its row says.
 */
export async function markFilesLeavingPublicFolder (video: Pick<VideoModel, 'id' | 'uuid'>) {
  const markers = await markerPaths(video)
  for (const path of [ ...markers.webVideos, markers.hls ]) {
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, '')
  }
}

/** Once the disk agrees with the row (the move is done, or the video is public again). */
export async function clearLeavingMarkers (video: Pick<VideoModel, 'id' | 'uuid'>) {
  const markers = await markerPaths(video)
  await Promise.all([ ...markers.webVideos, markers.hls ].map(path => rm(path, { force: true })))
}

async function markerPaths (video: Pick<VideoModel, 'id' | 'uuid'>) {
  const files = await VideoFileModel.findAll({ where: { videoId: video.id }, attributes: [ 'filename' ] })
  return leavingMarkerPaths(video, files.map(f => f.filename))
}
