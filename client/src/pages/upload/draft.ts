// The video form's state, and how it maps to and from the API (PUT /videos/{id}).
import type { ServerConfig } from '../../../../shared/models/client-server.js'
import { VideoCommentsPolicy, VideoPrivacy, type VideoDetails, type VideoUpdate } from '../../../../shared/models/client-video.js'

/** The privacy select: a real privacy, or "scheduled" (private until a date, then the scheduled privacy). */
export type PrivacyChoice = number | 'scheduled'

export interface VideoDraft {
  name: string
  channelId: number
  description: string
  tags: string[]
  category: string
  licence: string
  language: string
  privacy: PrivacyChoice
  /** `datetime-local` value (local time). */
  scheduleAt: string
  scheduledPrivacy: number
  nsfw: boolean
  commentsPolicy: number
  downloadEnabled: boolean
  support: string
  /** `date` value (yyyy-mm-dd), empty when not set. */
  originallyPublishedAt: string
}

export const MAX_TAGS = 5
export const TAG_LENGTH = { min: 2, max: 30 }
export const NAME_LENGTH = { min: 3, max: 120 }

export function newDraft (config: ServerConfig | null, channelId: number, name: string): VideoDraft {
  const publish = config?.defaults?.publish
  return {
    name,
    channelId,
    description: '',
    tags: [],
    category: '',
    licence: publish?.licence ? String(publish.licence) : '',
    language: '',
    privacy: publish?.privacy ?? VideoPrivacy.PUBLIC,
    scheduleAt: '',
    scheduledPrivacy: VideoPrivacy.PUBLIC,
    nsfw: false,
    commentsPolicy: publish?.commentsPolicy ?? VideoCommentsPolicy.ENABLED,
    downloadEnabled: publish?.downloadEnabled ?? true,
    support: '',
    originallyPublishedAt: ''
  }
}

/** `2026-05-04T10:30:00.000Z` -> `2026-05-04T12:30` in the browser's time zone, for datetime-local inputs. */
export function toLocalInput (iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000)
  return shifted.toISOString().slice(0, 16)
}

export function draftFromVideo (video: VideoDetails): VideoDraft {
  const scheduled = video.scheduledUpdate
  return {
    name: video.name,
    channelId: video.channel.id,
    description: video.description ?? '',
    tags: [ ...(video.tags ?? []) ],
    category: video.category?.id === null || video.category?.id === undefined ? '' : String(video.category.id),
    licence: video.licence?.id === null || video.licence?.id === undefined ? '' : String(video.licence.id),
    language: video.language?.id ?? '',
    privacy: scheduled ? 'scheduled' : video.privacy.id,
    scheduleAt: scheduled ? toLocalInput(scheduled.updateAt) : '',
    scheduledPrivacy: scheduled?.privacy ?? VideoPrivacy.PUBLIC,
    nsfw: video.nsfw,
    commentsPolicy: video.commentsPolicy?.id ?? (video.commentsEnabled === false ? VideoCommentsPolicy.DISABLED : VideoCommentsPolicy.ENABLED),
    downloadEnabled: video.downloadEnabled,
    support: video.support ?? '',
    originallyPublishedAt: video.originallyPublishedAt ? video.originallyPublishedAt.slice(0, 10) : ''
  }
}

/**
 * The PUT body for a draft. A scheduled publication keeps the video private until its date. `commentsEnabled` goes
 * along for servers that know only that field.
 */
export function draftToUpdate (draft: VideoDraft, options: { hadSchedule: boolean }): VideoUpdate {
  const scheduled = draft.privacy === 'scheduled'
  const update: VideoUpdate = {
    name: draft.name.trim(),
    description: draft.description,
    tags: draft.tags,
    category: draft.category ? Number(draft.category) : null,
    licence: draft.licence ? Number(draft.licence) : null,
    language: draft.language || null,
    privacy: scheduled ? VideoPrivacy.PRIVATE : draft.privacy as number,
    nsfw: draft.nsfw,
    commentsPolicy: draft.commentsPolicy,
    commentsEnabled: draft.commentsPolicy !== VideoCommentsPolicy.DISABLED,
    downloadEnabled: draft.downloadEnabled,
    support: draft.support,
    originallyPublishedAt: draft.originallyPublishedAt ? new Date(`${draft.originallyPublishedAt}T00:00:00Z`).toISOString() : null
  }
  if (draft.channelId) update.channelId = draft.channelId
  if (scheduled) {
    const date = new Date(draft.scheduleAt)
    update.scheduleUpdate = { updateAt: Number.isNaN(date.getTime()) ? draft.scheduleAt : date.toISOString(), privacy: draft.scheduledPrivacy }
  } else if (options.hadSchedule) {
    update.scheduleUpdate = null
  }
  return update
}
