import { VideoCommentPolicy } from '../../../shared/models/video-comments.js'
import { VideoPrivacy, type VideoStateType } from '../../../shared/models/videos.js'
import type { VideoUploadInput as VideoUploadFields } from './types.js'
import { localVideoUrl } from '../video-paths.js'
import { commentPolicyFields, resolveCommentPolicy } from '../video-comments/comment-rules.js'

/** What the new video's media decides, as opposed to what its publisher filled in. */
export interface NewVideoMedia {
  uuid: string
  channelId: number
  state: VideoStateType
  /** Seconds (0 for a live until its replay). */
  duration: number
  aspectRatio: number | null
  isLive: boolean
  waitTranscoding: boolean
}

/**
 * The row of a new local video (an upload or a live) from the publisher's form and its media. One mapping for
 * both, so a field the publish form gains, or a default PeerTube changes, reaches uploads and lives alike.
 */
export function newLocalVideoAttributes (fields: VideoUploadFields, media: NewVideoMedia) {
  return {
    uuid: media.uuid,
    name: fields.name,
    category: fields.category ?? null,
    licence: fields.licence ?? null,
    language: fields.language ?? null,
    privacy: fields.privacy ?? VideoPrivacy.PUBLIC,
    nsfw: fields.nsfw ?? false,
    description: fields.description ?? null,
    support: fields.support ?? null,
    duration: media.duration,
    aspectRatio: media.aspectRatio,
    remote: false,
    isLive: media.isLive,
    url: localVideoUrl(media.uuid),
    ...commentPolicyFields(resolveCommentPolicy(fields.commentsPolicy, fields.commentsEnabled) ?? VideoCommentPolicy.ENABLED),
    downloadEnabled: fields.downloadEnabled ?? true,
    waitTranscoding: media.waitTranscoding,
    state: media.state,
    channelId: media.channelId,
    publishedAt: new Date(),
    originallyPublishedAt: fields.originallyPublishedAt ?? null
  }
}
