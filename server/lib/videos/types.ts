import type { VideoCommentPolicyType } from '../../../shared/models/video-comments.js'
import type { VideoPrivacyType } from '../../../shared/models/videos.js'
import type { VideoListFilters } from '../../models/video/queries/video-list-query.js'

// What the video operations take, in the domain's terms. The HTTP layer's schemas
// (middlewares/validation/videos.ts) produce values of these types; tsc checks it where a controller passes one in.

/** PeerTube's scheduled publication: at `updateAt` the video takes `privacy` (null: keep it). */
export interface VideoScheduleInput {
  updateAt: Date
  privacy?: VideoPrivacyType | null
}

/** Metadata given at upload and changed later; undefined leaves a value as it is, null clears it. */
export interface VideoEditableInput {
  privacy?: VideoPrivacyType
  category?: number | null
  licence?: number | null
  language?: string | null
  description?: string | null
  support?: string | null
  tags?: string[]
  nsfw?: boolean
  commentsEnabled?: boolean
  commentsPolicy?: VideoCommentPolicyType
  downloadEnabled?: boolean
  waitTranscoding?: boolean
  originallyPublishedAt?: Date | null
  /** null removes the schedule (on update). */
  scheduleUpdate?: VideoScheduleInput | null
}

export interface VideoUploadInput extends VideoEditableInput {
  name: string
  channelId: number
}

export interface VideoUpdateInput extends VideoEditableInput {
  name?: string
  channelId?: number
}

/**
 * A video list request: page, order and filters (PeerTube's query parameters). The filters a request sets are
 * the model's own (VideoListFilters, defined once); only `nsfw` differs, as asked (the viewer's policy decides
 * when it is absent), and `include` (PeerTube's VideoInclude bits) becomes the moderation filters.
 */
type VideoListRequestFilter = 'start' | 'count' | 'sort' | 'search' | 'categoryOneOf' | 'licenceOneOf' | 'languageOneOf'
  | 'tagsOneOf' | 'tagsAllOf' | 'isLocal' | 'privacyOneOf' | 'skipCount'

export type VideoListInput = Pick<VideoListFilters, VideoListRequestFilter> & {
  nsfw?: 'true' | 'false' | 'both'
  include?: number
}
