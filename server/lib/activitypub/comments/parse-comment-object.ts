import { htmlToMarkdown, isHtmlContent } from '../../../helpers/text/html-to-markdown.js'
import { MAX_MENTIONS_PER_COMMENT, VIDEO_COMMENT_CONSTRAINTS } from '../../../initializers/constants/video-comments.js'
import { getObjectId, isObject } from '../activity-types.js'
import { isSameOrigin, urlOrigin } from '../ownership.js'
import { hasPublicAudience } from '../videos/audience.js'

/** A remote Note (or the Tombstone it became), checked and reduced to what we store. */
export interface RemoteCommentData {
  url: string
  /** The video or comment it answers. */
  inReplyTo: string
  deleted: boolean
  /** Markdown; empty for a tombstone. */
  text: string
  authorUrl: string | null
  publishedAt: Date
  updatedAt: Date
  replyApproval: string | null
  isPublic: boolean
  /** Actors its Mention tags name (for notifications of our accounts). */
  mentionedUrls: string[]
}

export class InvalidCommentObjectError extends Error {
  constructor (url: string, reason: string) {
    super(`Invalid comment ${url}: ${reason}`)
    this.name = 'InvalidCommentObjectError'
  }
}

export function isCommentObject (value: unknown): value is Record<string, unknown> {
  return isObject(value) && (value.type === 'Note' || (value.type === 'Tombstone' && (value.formerType === 'Note' || value.formerType === undefined)))
}

/** Mention tags as actor URL -> handle, so links to mentioned actors read as their handles. */
function mentionNames (tag: unknown) {
  const names = new Map<string, string>()
  for (const entry of Array.isArray(tag) ? tag : [ tag ]) {
    if (isObject(entry) && entry.type === 'Mention' && typeof entry.href === 'string' && typeof entry.name === 'string') {
      names.set(entry.href, entry.name.startsWith('@') ? entry.name : `@${entry.name}`)
    }
  }
  return names
}

function date (value: unknown) {
  if (typeof value !== 'string') return undefined
  const parsed = new Date(value)
  return Number.isNaN(parsed.getTime()) ? undefined : parsed
}

/**
 * A Note as PeerTube (Markdown content), Mastodon and other microblogs (HTML content, often without mediaType)
 * send it. Its author must live on its origin: a server cannot file notes under another server's accounts.
 * Addressing may be on the Note or only on the activity that carried it (`activityAudience`).
 */
export function parseCommentObject (object: Record<string, unknown>, activityAudience: { to?: unknown, cc?: unknown } = {}): RemoteCommentData {
  const url = typeof object.id === 'string' ? object.id : ''
  const fail = (reason: string): never => { throw new InvalidCommentObjectError(url || '(no id)', reason) }

  if (!urlOrigin(url) || url.length > VIDEO_COMMENT_CONSTRAINTS.URL_MAX) fail('id is not an http(s) URL')
  if (!isCommentObject(object)) fail(`type is ${String((object as { type?: unknown }).type)}`)

  const inReplyTo = getObjectId(object.inReplyTo)
  if (!inReplyTo || !urlOrigin(inReplyTo)) fail('it replies to nothing')

  const deleted = object.type === 'Tombstone'
  const publishedAt = date(object.published) ?? fail('invalid published date')
  const updatedAt = date(object.updated) ?? date(object.deleted) ?? publishedAt

  const authorUrl = getObjectId(Array.isArray(object.attributedTo) ? object.attributedTo[0] : object.attributedTo) ?? null
  if (!deleted && !authorUrl) fail('no author (attributedTo)')
  if (authorUrl && !isSameOrigin(authorUrl, url)) fail('its author is not on its origin')

  let text = ''
  if (!deleted) {
    const content = typeof object.content === 'string' ? object.content : ''
    text = isHtmlContent(content, object.mediaType) ? htmlToMarkdown(content, mentionNames(object.tag)) : content.trim()
    if (text.length < VIDEO_COMMENT_CONSTRAINTS.TEXT.min) fail('empty content')
    if (text.length > VIDEO_COMMENT_CONSTRAINTS.TEXT.max) text = text.slice(0, VIDEO_COMMENT_CONSTRAINTS.TEXT.max)
  }

  const replyApproval = typeof object.replyApproval === 'string' && urlOrigin(object.replyApproval) ? object.replyApproval : null

  return {
    url,
    inReplyTo: inReplyTo as string,
    deleted,
    text,
    authorUrl,
    publishedAt: publishedAt as Date,
    updatedAt,
    replyApproval,
    // Only public comments are comments: a direct message that mentions one of our users is not.
    isPublic: deleted || [ object.to, object.cc, activityAudience.to, activityAudience.cc ].some(hasPublicAudience),
    mentionedUrls: deleted ? [] : [ ...mentionNames(object.tag).keys() ].filter(href => urlOrigin(href) !== undefined).slice(0, MAX_MENTIONS_PER_COMMENT)
  }
}
