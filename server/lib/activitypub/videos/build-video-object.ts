import { extname } from 'node:path'
import { WEBSERVER } from '../../../initializers/config/index.js'
import { LAZY_STATIC_PATHS } from '../../../initializers/constants/static-paths.js'
import { THUMBNAIL_TYPE, VIDEO_CATEGORIES, VIDEO_LANGUAGES, VIDEO_LICENCES } from '../../../initializers/constants/videos.js'
import type { ThumbnailModel } from '../../../models/video/thumbnail.js'
import type { VideoModel } from '../../../models/video/video.js'
import { captionUrl } from '../../captions/caption-files.js'
import { storyboardPreview } from '../../storyboards/storyboard-preview.js'
import { toActivityStreamsDuration } from './activity-streams-duration.js'
import { getVideoAudience, type Audience } from './audience.js'
import { buildLocalVideoLinks } from './local-video-links.js'
import { videoCollectionUrls } from './video-activity-urls.js'
import { liveFieldsOf } from '../../live/federation/live-video-fields.js'

const IMAGE_MEDIA_TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.gif': 'image/gif' }

function identifierObject (id: number | string | null, labels: Record<string | number, string>) {
  if (id === null || id === undefined) return undefined
  return { identifier: String(id), name: labels[id as string] ?? 'Unknown' }
}

function imageObject (image: ThumbnailModel) {
  const folder = image.type === THUMBNAIL_TYPE.MINIATURE ? LAZY_STATIC_PATHS.THUMBNAILS : LAZY_STATIC_PATHS.PREVIEWS
  return {
    type: 'Image',
    url: WEBSERVER.URL + folder + image.filename,
    mediaType: IMAGE_MEDIA_TYPES[extname(image.filename).toLowerCase()] ?? 'image/jpeg',
    width: image.width,
    height: image.height
  }
}

/**
 * The ActivityPub Video object of one of our videos, member for member (and in the same order) what PeerTube
 * 6.3 publishes, addressed per its privacy. Needs the details includes (files, playlists, thumbnails, tags,
 * channel and account actors).
 */
export function buildVideoObject (video: VideoModel, audience: Audience = getVideoAudience(accountActorOf(video), video.privacy)) {
  const channel = video.VideoChannel!
  const images = [ THUMBNAIL_TYPE.MINIATURE, THUMBNAIL_TYPE.PREVIEW ]
    .map(type => (video.Thumbnails ?? []).find(t => t.type === type))
    .filter((t): t is ThumbnailModel => t !== undefined)

  return {
    ...audience,
    type: 'Video',
    id: video.url,
    name: video.name,
    duration: toActivityStreamsDuration(video.duration),
    uuid: video.uuid,
    category: identifierObject(video.category, VIDEO_CATEGORIES),
    licence: identifierObject(video.licence, VIDEO_LICENCES),
    language: identifierObject(video.language, VIDEO_LANGUAGES),
    views: video.views,
    sensitive: video.nsfw,
    waitTranscoding: video.waitTranscoding,
    state: video.state,
    commentsEnabled: video.commentsEnabled,
    canReply: null,
    commentsPolicy: video.commentsPolicy,
    downloadEnabled: video.downloadEnabled,
    published: video.publishedAt.toISOString(),
    originallyPublishedAt: video.originallyPublishedAt ? video.originallyPublishedAt.toISOString() : null,
    updated: video.updatedAt.toISOString(),
    tag: (video.Tags ?? []).map(t => ({ type: 'Hashtag', name: t.name })),
    mediaType: 'text/markdown',
    content: video.description ?? null,
    support: video.support ?? null,
    subtitleLanguage: (video.VideoCaptions ?? []).map(caption => ({
      identifier: caption.language,
      name: VIDEO_LANGUAGES[caption.language] ?? 'Unknown',
      // PeerTube 6.3 says whether a caption was transcribed; ours are all uploaded.
      automaticallyGenerated: false,
      url: captionUrl(caption)
    })),
    icon: images.map(imageObject),
    preview: storyboardPreview(video.Storyboard),
    aspectRatio: video.aspectRatio,
    url: buildLocalVideoLinks(video),
    ...videoCollectionUrls(video),
    attributedTo: [
      { type: 'Person', id: channel.Account!.Actor!.url },
      { type: 'Group', id: channel.Actor!.url }
    ],
    ...liveFieldsOf(video)
  }
}

export function accountActorOf (video: VideoModel) {
  const actor = video.VideoChannel?.Account?.Actor
  if (!actor) throw new Error(`Video ${video.uuid} must be loaded with its channel's account actor`)
  return actor
}

export function channelActorOf (video: VideoModel) {
  const actor = video.VideoChannel?.Actor
  if (!actor) throw new Error(`Video ${video.uuid} must be loaded with its channel actor`)
  return actor
}
