import { VideoPrivacy, VideoState, type VideoPrivacyType, type VideoStateType } from '../../../../shared/models/videos.js'
import { parseSubtitleLanguages, type RemoteCaptionData } from '../../captions/remote-captions.js'
import { parseStoryboardPreview, type RemoteStoryboardData } from '../../storyboards/remote-storyboards.js'
import { VideoCommentPolicy, type VideoCommentPolicyType } from '../../../../shared/models/video-comments.js'
import { isUuid } from '../../../helpers/uuid.js'
import { REMOTE_VIDEOS } from '../../../initializers/constants/video-federation.js'
import { isObject } from '../activity-types.js'
import { isSameOrigin, urlOrigin } from '../ownership.js'
import { hasPublicAudience } from './audience.js'
import { fromActivityStreamsDuration } from './activity-streams-duration.js'
import {
  isHttpUrl, parseHlsPlaylist, parseTrackers, parseWebVideoFiles, type RemoteFileData, type RemotePlaylistData
} from './parse-video-links.js'
import { parseLiveFields, type RemoteLiveData } from '../../live/federation/live-video-fields.js'

export interface RemoteImageData {
  url: string
  mediaType: string | null
  width: number | null
  height: number | null
}

/** A remote Video object, checked and reduced to what we store. */
export interface RemoteVideoData {
  url: string
  uuid: string
  name: string
  duration: number
  category: number | null
  licence: number | null
  language: string | null
  description: string | null
  support: string | null
  nsfw: boolean
  commentsPolicy: VideoCommentPolicyType
  downloadEnabled: boolean
  waitTranscoding: boolean
  isLive: boolean
  state: VideoStateType
  privacy: VideoPrivacyType
  views: number
  aspectRatio: number | null
  publishedAt: Date
  originallyPublishedAt: Date | null
  /** The origin's `updated` (null when absent or invalid: such an object is never judged older). */
  originUpdatedAt: Date | null
  tags: string[]
  channelUrl: string
  accountUrl: string | null
  thumbnail: RemoteImageData | null
  preview: RemoteImageData | null
  webVideoFiles: RemoteFileData[]
  hlsPlaylist: RemotePlaylistData | undefined
  trackers: string[]
  /** Lives: what their Video object says of them. */
  live: RemoteLiveData | undefined
  captions: RemoteCaptionData[]
  storyboard: RemoteStoryboardData | null
}

export class InvalidVideoObjectError extends Error {
  constructor (url: string, reason: string) {
    super(`Invalid Video object ${url}: ${reason}`)
    this.name = 'InvalidVideoObjectError'
  }
}

export function isVideoObject (value: unknown): value is Record<string, unknown> {
  return isObject(value) && value.type === 'Video'
}

const VIDEO_STATES = new Set<number>(Object.values(VideoState))

/**
 * Checks a Video object and extracts our fields. Its channel and account (attributedTo) must live on the
 * video's origin: an instance cannot file its videos under another instance's channel. `audienceTo` is the
 * activity's `to`, used when the object carries none (PeerTube decides public vs unlisted from it).
 */
export function parseVideoObject (object: Record<string, unknown>, audienceTo?: unknown): RemoteVideoData {
  const url = typeof object.id === 'string' ? object.id : ''
  const fail = (reason: string): never => { throw new InvalidVideoObjectError(url || '(no id)', reason) }

  if (!urlOrigin(url)) fail('id is not an http(s) URL')
  if (object.type !== 'Video') fail(`type is ${String(object.type)}`)
  if (typeof object.uuid !== 'string' || !isUuid(object.uuid)) fail('invalid uuid')

  const name = text(object.name, REMOTE_VIDEOS.MAX_NAME_LENGTH) ?? fail('no name')
  const duration = fromActivityStreamsDuration(object.duration) ?? fail('invalid duration')
  const published = date(object.published) ?? fail('invalid published date')

  const { channelUrl, accountUrl } = parseAttributedTo(object.attributedTo)
  if (!channelUrl) fail('no channel (Group) in attributedTo')
  if (!isSameOrigin(channelUrl!, url) || (accountUrl && !isSameOrigin(accountUrl, url))) fail('attributedTo actors are not on the video\'s origin')

  const to = object.to ?? audienceTo
  const state = typeof object.state === 'number' && VIDEO_STATES.has(object.state) ? object.state as VideoStateType : VideoState.PUBLISHED
  const icons = parseImages(object.icon)

  return {
    url,
    uuid: (object.uuid as string).toLowerCase(),
    name: name as string,
    duration: duration as number,
    category: identifierInt(object.category),
    licence: identifierInt(object.licence),
    language: identifierLanguage(object.language),
    description: text(object.content, REMOTE_VIDEOS.MAX_DESCRIPTION_LENGTH),
    support: text(object.support, REMOTE_VIDEOS.MAX_SUPPORT_LENGTH),
    nsfw: object.sensitive === true,
    commentsPolicy: parseCommentsPolicy(object),
    downloadEnabled: object.downloadEnabled !== false,
    waitTranscoding: object.waitTranscoding === true,
    isLive: object.isLiveBroadcast === true,
    state,
    privacy: hasPublicAudience(to) ? VideoPrivacy.PUBLIC : VideoPrivacy.UNLISTED,
    views: typeof object.views === 'number' && Number.isInteger(object.views) && object.views >= 0 ? object.views : 0,
    aspectRatio: typeof object.aspectRatio === 'number' && object.aspectRatio > 0 && object.aspectRatio < 100 ? object.aspectRatio : null,
    publishedAt: published as Date,
    originallyPublishedAt: date(object.originallyPublishedAt),
    originUpdatedAt: date(object.updated),
    tags: parseTags(object.tag),
    channelUrl: channelUrl as string,
    accountUrl,
    // PeerTube's choice: the smallest image (over 150 px wide when there is one) as miniature, the largest as preview.
    thumbnail: pickImage(icons, 'smallest'),
    preview: pickImage(icons, 'largest'),
    webVideoFiles: parseWebVideoFiles(object.url),
    hlsPlaylist: parseHlsPlaylist(object.url, { allowNoFiles: object.isLiveBroadcast === true }),
    trackers: parseTrackers(object.url),
    live: parseLiveFields(object),
    captions: parseSubtitleLanguages(object.subtitleLanguage),
    storyboard: parseStoryboardPreview(object.preview)
  }
}

/** PeerTube 6.2+ sends commentsPolicy; older servers only commentsEnabled (as PeerTube falls back, absent is disabled). */
function parseCommentsPolicy (object: Record<string, unknown>): VideoCommentPolicyType {
  const policy = object.commentsPolicy
  if (policy === VideoCommentPolicy.ENABLED || policy === VideoCommentPolicy.DISABLED || policy === VideoCommentPolicy.REQUIRES_APPROVAL) return policy
  if (policy !== undefined && policy !== null) return VideoCommentPolicy.DISABLED
  return object.commentsEnabled === true ? VideoCommentPolicy.ENABLED : VideoCommentPolicy.DISABLED
}

function text (value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  if (trimmed === '') return null
  return trimmed.length > max ? trimmed.slice(0, max) : trimmed
}

function date (value: unknown): Date | null {
  if (typeof value !== 'string') return null
  const parsed = new Date(value)
  return Number.isNaN(parsed.getTime()) ? null : parsed
}

function identifierInt (value: unknown): number | null {
  if (!isObject(value)) return null
  const id = typeof value.identifier === 'string' ? parseInt(value.identifier, 10) : value.identifier
  return typeof id === 'number' && Number.isInteger(id) && id > 0 && id < 1000 ? id : null
}

function identifierLanguage (value: unknown): string | null {
  if (!isObject(value) || typeof value.identifier !== 'string') return null
  return /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/.test(value.identifier) && value.identifier.length <= 20 ? value.identifier : null
}

/** The channel (Group) and account (Person) a Video object is attributed to, unchecked. */
export function parseAttributedTo (value: unknown) {
  const entries = (Array.isArray(value) ? value : [ value ]).filter(isObject)
  const idOf = (type: string) => {
    const entry = entries.find(e => e.type === type && typeof e.id === 'string' && urlOrigin(e.id as string))
    return entry ? entry.id as string : null
  }
  return { channelUrl: idOf('Group'), accountUrl: idOf('Person') }
}

function parseTags (value: unknown) {
  const names = (Array.isArray(value) ? value : [])
    .filter(t => isObject(t) && t.type === 'Hashtag' && typeof t.name === 'string')
    .map(t => ((t as { name: string }).name).replace(/^#/, '').trim())
    .filter(name => name.length >= 2 && name.length <= REMOTE_VIDEOS.MAX_TAG_LENGTH)
  return [ ...new Set(names) ].slice(0, REMOTE_VIDEOS.MAX_TAGS)
}

function parseImages (value: unknown): RemoteImageData[] {
  const entries = (Array.isArray(value) ? value : value === undefined || value === null ? [] : [ value ]).filter(isObject)
  const images: RemoteImageData[] = []
  for (const entry of entries.slice(0, 10)) {
    const url = typeof entry.url === 'string' ? entry.url : isObject(entry.url) ? entry.url.href : undefined
    if (!isHttpUrl(url)) continue
    const dimension = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 100_000 ? v : null)
    images.push({
      url,
      mediaType: typeof entry.mediaType === 'string' ? entry.mediaType : null,
      width: dimension(entry.width),
      height: dimension(entry.height)
    })
  }
  return images
}

function pickImage (images: RemoteImageData[], which: 'smallest' | 'largest') {
  if (images.length === 0) return null
  const byWidth = [ ...images ].sort((a, b) => (a.width ?? 0) - (b.width ?? 0))
  if (which === 'largest') return byWidth[byWidth.length - 1]
  return byWidth.find(i => (i.width ?? 0) > 150) ?? byWidth[0]
}
