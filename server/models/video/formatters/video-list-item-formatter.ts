import { toShortUuid } from '../../../helpers/uuid.js'
import { WEBSERVER } from '../../../initializers/config/index.js'
import { LAZY_STATIC_PATHS } from '../../../initializers/constants/static-paths.js'
import { THUMBNAIL_TYPE, VIDEO_CONSTRAINTS } from '../../../initializers/constants/videos.js'
import { localVideoUrl } from '../../../helpers/urls/video-urls.js'
import type { ActorRow, VideoListRow } from '../queries/video-list/video-list-page.js'
import { videoConstants } from './video-formatter.js'

/**
 * PeerTube's `Video` (list item) from a page row: the same object formatVideo makes from a loaded model (a test
 * compares the two), without building ORM objects for every video of every page.
 */
export function formatVideoListItem (row: VideoListRow) {
  const constants = videoConstants(row)
  return {
    id: row.id,
    uuid: row.uuid,
    shortUUID: toShortUuid(row.uuid),
    url: row.remote ? row.url : localVideoUrl(row.uuid),
    name: row.name,
    category: constants.category,
    licence: constants.licence,
    language: constants.language,
    privacy: constants.privacy,
    nsfw: row.nsfw,
    truncatedDescription: truncate(row.descriptionStart),
    description: truncate(row.descriptionStart),
    isLocal: !row.remote,
    duration: row.duration,
    aspectRatio: row.aspectRatio,
    views: row.views,
    viewers: row.viewers ?? 0,
    likes: row.likes,
    dislikes: row.dislikes,
    thumbnailPath: thumbnailPath(row, THUMBNAIL_TYPE.MINIATURE),
    previewPath: thumbnailPath(row, THUMBNAIL_TYPE.PREVIEW),
    embedPath: `/videos/embed/${row.uuid}`,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
    originallyPublishedAt: row.originallyPublishedAt,
    isLive: row.isLive,
    account: actorSummary(row.account),
    channel: actorSummary(row.channel),
    state: constants.state,
    waitTranscoding: row.waitTranscoding,
    blacklisted: row.blacklisted,
    blacklistedReason: row.blacklistedReason
  }
}

export type VideoListItem = ReturnType<typeof formatVideoListItem>

function truncate (text: string | null) {
  if (!text) return null
  const max = VIDEO_CONSTRAINTS.TRUNCATED_DESCRIPTION
  return text.length <= max ? text : text.slice(0, max - 3) + '...'
}

function thumbnailPath (row: VideoListRow, type: number) {
  const image = row.thumbnails?.find(t => t.type === type)
  if (!image) return null
  return (type === THUMBNAIL_TYPE.MINIATURE ? LAZY_STATIC_PATHS.THUMBNAILS : LAZY_STATIC_PATHS.PREVIEWS) + image.filename
}

function actorSummary (actor: ActorRow) {
  return {
    id: actor.id,
    name: actor.name,
    displayName: actor.displayName,
    url: actor.url,
    host: actor.host ?? WEBSERVER.HOST,
    avatars: (actor.avatars ?? []).map(image => {
      const path = LAZY_STATIC_PATHS.AVATARS + image.filename
      return {
        width: image.width,
        height: image.height,
        path,
        fileUrl: image.fileUrl ?? WEBSERVER.URL + path,
        createdAt: new Date(image.createdAt),
        updatedAt: new Date(image.updatedAt)
      }
    })
  }
}
