import { buildMagnetUri } from '../../../helpers/torrent/magnet-uri.js'
import { fileDownloadUrl, hlsFileUrl, torrentUrls, trackerUrls, webVideoFileUrl } from '../../../helpers/urls/video-urls.js'
import type { VideoFileModel } from '../video-file.js'
import type { VideoModel } from '../video.js'
import { remoteFileDownloadUrl, remoteTrackerUrls } from './remote-video-urls.js'

/** PeerTube's `VideoFile`. The magnet link is derived, not stored: it changes with our host name. */
export function formatVideoFile (video: VideoModel, file: VideoFileModel) {
  const fileUrl = file.isHls() ? hlsFileUrl(video, file.filename, file.fileUrl, file.storage) : webVideoFileUrl(video, file)
  const { torrentUrl, torrentDownloadUrl } = torrentUrls(video, file)

  return {
    id: file.id,
    resolution: { id: file.resolution, label: file.resolution === 0 ? 'Audio' : `${file.resolution}p` },
    width: file.width,
    height: file.height,
    magnetUri: file.infoHash
      ? buildMagnetUri({
        torrentUrl: torrentUrl ?? undefined,
        infoHash: file.infoHash,
        displayName: video.name,
        trackers: video.remote ? remoteTrackerUrls(video) : trackerUrls(),
        // Listed mirrors seed too: a WebTorrent client reads from all of them.
        webSeeds: [ fileUrl, ...((file as { RedundancyVideos?: { fileUrl: string, state: string }[] }).RedundancyVideos ?? []).filter(r => r.state === 'verified').map(r => r.fileUrl) ]
      })
      : null,
    size: file.size,
    fps: file.fps,
    torrentUrl,
    torrentDownloadUrl,
    fileUrl,
    fileDownloadUrl: (video.remote ? remoteFileDownloadUrl(video, file) : fileDownloadUrl(video, file)) ?? fileUrl,
    metadataUrl: video.remote ? file.metadataUrl ?? undefined : `${new URL(fileUrl).origin}/api/v1/videos/${video.uuid}/metadata/${file.id}`,
    hasAudio: file.hasAudio,
    hasVideo: file.hasVideo,
    storage: file.storage
  }
}

/** Highest resolution first, as PeerTube lists them (players pick the first as the default). */
export function sortFilesByResolution (files: VideoFileModel[] = []) {
  return [ ...files ].sort((a, b) => b.resolution - a.resolution)
}
