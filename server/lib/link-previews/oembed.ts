import { VideoPlaylistPrivacy } from '../../../shared/models/playlists.js'
import { VideoPrivacy } from '../../../shared/models/videos.js'
import { CONFIG, WEBSERVER } from '../../initializers/config/index.js'
import { playlistThumbnailPath } from '../../models/video/formatters/playlist-formatter.js'
import type { VideoPlaylistModel } from '../../models/video/video-playlist.js'
import type { VideoModel } from '../../models/video/video.js'
import { loadPlaylist } from '../playlists/playlist-access.js'
import { accountClientUrl, videoEmbedUrl } from '../client-urls.js'
import { videoThumbnail } from '../feeds/video-feed-items.js'
import { HttpProblem, invalidField, notFound } from '../http-problems/http-problem.js'
import { loadVideo } from '../videos/video-loader.js'
import { EMBED_SIZE } from './page-tags.js'
import { isPreviewable } from './video-page.js'

const WATCH_PATH = /^\/(?:w|videos\/watch)\/([^/]+)\/?$/
const PLAYLIST_PATH = /^\/(?:w\/p|videos\/watch\/playlist)\/([^/]+)\/?$/

function escapeAttribute (text: string) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** What a watch URL of this instance points at (a video or a playlist); anything else is a 400 naming `url`. */
export async function loadOEmbedTarget (url: string): Promise<{ video: VideoModel } | { playlist: VideoPlaylistModel }> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw invalidField('query', 'url', 'Should have a valid URL', url)
  }
  const playlistMatch = PLAYLIST_PATH.exec(parsed.pathname)
  const videoMatch = playlistMatch ? null : WATCH_PATH.exec(parsed.pathname)
  if (parsed.host !== WEBSERVER.HOST || !(playlistMatch || videoMatch)) {
    throw invalidField('query', 'url', `Should be the URL of a video or playlist page of ${WEBSERVER.HOST}`, url)
  }
  const id = decodeURIComponent((playlistMatch ?? videoMatch)![1])
  // Unlisted ones are embeddable by their UUID (whoever has the link may share it), never by numeric id.
  const byNumericId = /^\d+$/.test(id)

  if (playlistMatch) {
    const playlist = await loadPlaylist(id)
    const shareable = playlist?.privacy === VideoPlaylistPrivacy.PUBLIC || (playlist?.privacy === VideoPlaylistPrivacy.UNLISTED && !byNumericId)
    if (!playlist || !shareable) throw notFound('Video playlist not found')
    return { playlist }
  }

  const video = await loadVideo(id, 'summary')
  if (!video || !isPreviewable(video) || (byNumericId && video.privacy !== VideoPrivacy.PUBLIC)) throw notFound('Video not found')
  return { video }
}

function iframe (title: string, src: string, width: number, height: number) {
  return `<iframe width="${width}" height="${height}" sandbox="allow-same-origin allow-scripts allow-popups allow-forms" ` +
    `title="${escapeAttribute(title)}" src="${escapeAttribute(src)}" frameborder="0" allowfullscreen></iframe>`
}

function frameSize (options: { maxwidth?: number, maxheight?: number }) {
  return {
    width: Math.min(EMBED_SIZE.width, options.maxwidth ?? EMBED_SIZE.width),
    height: Math.min(EMBED_SIZE.height, options.maxheight ?? EMBED_SIZE.height)
  }
}

/** OEmbed 1.0 (`rich`) of a playlist: an iframe of its embed page. Needs OwnerAccount (with Actor) loaded. */
export function buildPlaylistOEmbed (playlist: VideoPlaylistModel, options: { maxwidth?: number, maxheight?: number, format?: string }) {
  if (options.format === 'xml') throw new HttpProblem({ status: 501, detail: 'Only the json format is implemented' })
  const { width, height } = frameSize(options)
  const owner = playlist.OwnerAccount!
  const thumbnailPath = playlistThumbnailPath(playlist)
  return {
    type: 'rich',
    version: '1.0',
    html: iframe(playlist.name, `${WEBSERVER.URL}/video-playlists/embed/${playlist.uuid}`, width, height),
    width,
    height,
    title: playlist.name,
    author_name: owner.name,
    author_url: accountClientUrl(owner),
    provider_name: CONFIG.instance.name,
    provider_url: WEBSERVER.URL,
    ...(thumbnailPath ? { thumbnail_url: WEBSERVER.URL + thumbnailPath } : {})
  }
}

/** OEmbed 1.0 (`video` type): an iframe of the embed page, within maxwidth × maxheight when the consumer gives them. */
export function buildVideoOEmbed (video: VideoModel, options: { maxwidth?: number, maxheight?: number, format?: string }) {
  if (options.format === 'xml') throw new HttpProblem({ status: 501, detail: 'Only the json format is implemented' })

  const { width, height } = frameSize(options)
  const account = video.VideoChannel!.Account!
  const thumbnail = videoThumbnail(video)
  const html = iframe(video.name, videoEmbedUrl(video), width, height)

  return {
    type: 'video',
    version: '1.0',
    html,
    width,
    height,
    title: video.name,
    author_name: account.name,
    author_url: accountClientUrl(account),
    provider_name: CONFIG.instance.name,
    provider_url: WEBSERVER.URL,
    ...(thumbnail ? { thumbnail_url: thumbnail.url, thumbnail_width: thumbnail.width, thumbnail_height: thumbnail.height } : {})
  }
}
