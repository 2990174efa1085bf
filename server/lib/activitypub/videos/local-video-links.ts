import { VideoStreamingPlaylistType } from '../../../../shared/models/videos.js'
import { WEBSERVER } from '../../../initializers/config/index.js'
import { AP_LINK_MEDIA_TYPES, AP_VIDEO_FILE_MEDIA_TYPES } from '../../../initializers/constants/video-federation.js'
import { sortFilesByResolution } from '../../../models/video/formatters/video-file-formatter.js'
import type { VideoFileModel } from '../../../models/video/video-file.js'
import type { VideoModel } from '../../../models/video/video.js'
import { hlsFileUrl, hlsPlaylistUrls, torrentUrls, trackerUrls, webVideoFileUrl } from '../../video-paths.js'
import { buildMagnetUri } from '../../video-pipeline/torrent.js'

// The `url` array of one of our Video objects: the watch page, then each web video file with its metadata,
// torrent and magnet Links, then the HLS playlist (its files in `tag`), then our trackers. PeerTube reads
// files, torrents and trackers from these Links.

type Link = Record<string, unknown>

const MEDIA_TYPE_BY_EXTENSION = Object.fromEntries(
  Object.entries(AP_VIDEO_FILE_MEDIA_TYPES).filter(([ type ]) => type !== 'audio/mp4').map(([ type, ext ]) => [ ext, type ])
)

export function buildLocalVideoLinks (video: VideoModel): Link[] {
  const links: Link[] = [ { type: 'Link', mediaType: AP_LINK_MEDIA_TYPES.HTML, href: video.url } ]

  for (const file of sortFilesByResolution(video.VideoFiles)) {
    links.push(...fileLinks(video, file, webVideoFileUrl(video, file), 'web-video'))
  }

  const playlist = (video.VideoStreamingPlaylists ?? []).find(p => p.type === VideoStreamingPlaylistType.HLS)
  // A live's playlist has no files (its segments come and go): it is listed while it streams, as PeerTube does.
  if (playlist && ((playlist.VideoFiles?.length ?? 0) !== 0 || video.isLive)) {
    const { playlistUrl, segmentsSha256Url } = hlsPlaylistUrls(video, playlist)
    // One swarm id per rendition (the stored list may briefly hold one more while a rendition is replaced; a
    // live's holds PeerTube's then our client's, one each per rendition).
    const renditions = video.isLive ? Math.ceil(playlist.p2pMediaLoaderInfohashes.length / 2) : playlist.VideoFiles!.length
    const infohashes = playlist.p2pMediaLoaderInfohashes.slice(0, renditions)
    const tag: Link[] = [
      ...infohashes.map(infohash => ({ type: 'Infohash', name: infohash })),
      { type: 'Link', name: 'sha256', mediaType: AP_LINK_MEDIA_TYPES.JSON, href: segmentsSha256Url }
    ]
    for (const file of sortFilesByResolution(playlist.VideoFiles)) {
      tag.push(...fileLinks(video, file, hlsFileUrl(video, file.filename, null, file.storage), 'fragmented'))
    }
    links.push({ type: 'Link', mediaType: AP_LINK_MEDIA_TYPES.HLS, href: playlistUrl, tag })
  }

  const [ httpTracker, wsTracker ] = trackerUrls()
  links.push(
    { type: 'Link', name: 'tracker-http', rel: [ 'tracker', 'http' ], href: httpTracker },
    { type: 'Link', name: 'tracker-websocket', rel: [ 'tracker', 'websocket' ], href: wsTracker }
  )
  return links
}

function fileLinks (video: VideoModel, file: VideoFileModel, fileUrl: string, formatFlag: 'web-video' | 'fragmented'): Link[] {
  const mediaType = MEDIA_TYPE_BY_EXTENSION[file.extname] ?? 'video/mp4'
  const dimensions = { height: file.height ?? file.resolution, width: file.width, fps: file.fps }

  const attachment: Link[] = []
  if (file.hasAudio) attachment.push({ type: 'PropertyValue', name: 'ffprobe_codec_type', value: 'audio' })
  if (file.hasVideo) attachment.push({ type: 'PropertyValue', name: 'ffprobe_codec_type', value: 'video' })
  attachment.push({ type: 'PropertyValue', name: 'peertube_format_flag', value: formatFlag })

  const links: Link[] = [
    { type: 'Link', mediaType, href: fileUrl, height: dimensions.height, width: dimensions.width, size: file.size, fps: file.fps, attachment },
    {
      type: 'Link',
      rel: [ 'metadata', mediaType ],
      mediaType: AP_LINK_MEDIA_TYPES.JSON,
      href: `${WEBSERVER.URL}/api/v1/videos/${video.uuid}/metadata/${file.id}`,
      ...dimensions
    }
  ]

  const { torrentUrl } = torrentUrls(video, file)
  if (torrentUrl) links.push({ type: 'Link', mediaType: AP_LINK_MEDIA_TYPES.TORRENT, href: torrentUrl, ...dimensions })
  if (file.infoHash) {
    const magnet = buildMagnetUri({
      torrentUrl: torrentUrl ?? undefined,
      infoHash: file.infoHash,
      displayName: video.name,
      trackers: trackerUrls(),
      webSeeds: [ fileUrl ]
    })
    links.push({ type: 'Link', mediaType: AP_LINK_MEDIA_TYPES.MAGNET, href: magnet, ...dimensions })
  }
  return links
}
