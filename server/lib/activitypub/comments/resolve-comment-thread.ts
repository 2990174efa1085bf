import { toFullUuid } from '../../../helpers/uuid.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import { RemoteRequestError } from '../../../helpers/requests/index.js'
import { REMOTE_COMMENTS } from '../../../initializers/constants/video-comments.js'
import { VideoCommentPolicy } from '../../../../shared/models/video-comments.js'
import { isVideoFederated } from '../../videos/video-federation-rules.js'
import { summaryIncludes } from '../../../models/video/queries/video-includes.js'
import { VideoCommentModel } from '../../../models/video/video-comment.js'
import { VideoModel } from '../../../models/video/video.js'
import { getOrCreateActorByUrl } from '../actors/get-actor.js'
import { fetchRemoteObject } from '../fetch-remote.js'
import { isLocalUrl } from '../local-urls.js'
import { InvalidCommentObjectError, isCommentObject, parseCommentObject } from './parse-comment-object.js'
import { storeRemoteComment, type CommentPlace } from './store-remote-comment.js'

const log = loggerWithTags('activitypub', 'comments')

// Our watch URLs in both spellings, for replies that name the video by its page rather than its id.
const LOCAL_WATCH_PATH = /^\/(?:videos\/watch|w)\/([^/?#]+)$/

/** The video `url` names: stored by its URL, or one of ours by its watch page. */
export async function loadVideoByUrl (url: string) {
  const video = await VideoModel.findOne({ where: { url }, include: summaryIncludes() })
  if (video || !isLocalUrl(url)) return video

  const match = LOCAL_WATCH_PATH.exec(new URL(url).pathname)
  const uuid = match ? toFullUuid(decodeURIComponent(match[1])) : undefined
  return uuid ? VideoModel.findOne({ where: { uuid, remote: false }, include: summaryIncludes() }) : null
}

async function loadVideoOfComment (comment: VideoCommentModel) {
  return VideoModel.findByPk(comment.videoId, { include: summaryIncludes() })
}

/** Remote comments attach to remote videos we have and to our videos that federate, while comments are on. */
export function acceptsRemoteComments (video: VideoModel) {
  if (video.commentsPolicy === VideoCommentPolicy.DISABLED) return false
  return video.remote || isVideoFederated(video)
}

/** A fetch that will fail again: the object is gone or refused, or what is served there is no document. */
export function isPermanentFetchError (err: unknown) {
  if (!(err instanceof RemoteRequestError)) return false
  if (err.code === 'timeout' || err.code === 'network') return false
  if (err.code === 'bad-status') return err.status !== undefined && err.status >= 400 && err.status < 500 && err.status !== 429
  return true
}

/**
 * Where a remote comment answering `url` goes: under a video we have (`parent` null) or under a comment we
 * have. A comment we do not have is read from its origin, and the one it answers, up to a video we have; those
 * ancestors are stored on the way. Undefined when the chain ends anywhere else (a video we do not have, an
 * unknown local URL, a post that is no comment): nothing is stored then. Unknown videos are never imported
 * here: conversations attach to videos this instance already shows.
 */
export async function resolveCommentPlace (url: string, depth = 0): Promise<CommentPlace | undefined> {
  const video = await loadVideoByUrl(url)
  if (video) return acceptsRemoteComments(video) ? { video, parent: null } : undefined

  const comment = await VideoCommentModel.loadByUrl(url)
  if (comment) {
    const ofVideo = await loadVideoOfComment(comment)
    return ofVideo && acceptsRemoteComments(ofVideo) ? { video: ofVideo, parent: comment } : undefined
  }

  if (isLocalUrl(url) || depth >= REMOTE_COMMENTS.MAX_THREAD_DEPTH) return undefined

  let body: Record<string, unknown>
  try {
    body = (await fetchRemoteObject(url)).body
  } catch (err) {
    // Gone or refused for good: nothing to attach to. Anything else (a server down) is worth another try.
    if (!isPermanentFetchError(err)) throw err
    log.info(`Cannot read ${url}, which a comment answers: ${(err as Error).message}`)
    return undefined
  }
  if (!isCommentObject(body)) return undefined

  let ancestor
  try {
    ancestor = parseCommentObject(body)
  } catch (err) {
    if (!(err instanceof InvalidCommentObjectError)) throw err
    log.info(`A comment answers ${url}, which is no valid comment: ${err.message}`)
    return undefined
  }
  if (!ancestor.isPublic) return undefined
  const place = await resolveCommentPlace(ancestor.inReplyTo, depth + 1)
  if (!place) return undefined

  const author = ancestor.authorUrl ? await getOrCreateActorByUrl(ancestor.authorUrl) : null
  const { comment: stored } = await storeRemoteComment(ancestor, place, author, { fetched: true })
  return stored ? { video: place.video, parent: stored } : undefined
}
