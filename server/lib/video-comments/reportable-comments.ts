import type { AuthenticatedUser } from '../../models/user/authenticated-user.js'
import { summaryIncludes } from '../../models/video/queries/video-includes.js'
import { VideoCommentModel } from '../../models/video/video-comment.js'
import { VideoModel } from '../../models/video/video.js'
import { setReportableCommentLoader, type ReportableComment } from '../moderation/abuses/reportable-comments.js'
import { canSeeVideo } from '../videos/video-access.js'
import { commentViewerOf } from './comment-rules.js'

// Comments as moderation reports them: POST /abuses { comment: { id } }, and received Flags naming a comment URL.

function toReportable (comment: VideoCommentModel): ReportableComment | null {
  // A tombstone has nothing left to report, and a remote tombstone may not even name its author.
  if (comment.isDeleted() || !comment.Account || !comment.Video) return null
  return {
    id: comment.id,
    url: comment.url,
    text: comment.text,
    threadId: comment.threadId(),
    isLocal: comment.isLocal(),
    account: comment.Account,
    video: { id: comment.Video.id, name: comment.Video.name, uuid: comment.Video.uuid }
  }
}

/** A comment the user can see: on a video they may see, and not held for review unless they may see held ones. */
async function loadForUser (id: number, user: AuthenticatedUser) {
  const comment = await VideoCommentModel.loadFull(id)
  if (!comment) return null
  // The full includes carry the channel but not the video's block, which decides who sees it.
  const video = await VideoModel.findByPk(comment.videoId, { include: summaryIncludes() })
  if (!video || !canSeeVideo(video, user)) return null

  const viewer = commentViewerOf(video, user)
  if (comment.heldForReview && !viewer.canSeeHeld && comment.accountId !== viewer.accountId) return null
  return toReportable(comment)
}

/** A comment we store, by its Note id: the object of a Flag. */
async function loadByUrl (url: string) {
  const comment = await VideoCommentModel.loadFullByUrl(url)
  return comment ? toReportable(comment) : null
}

/** At start-up: comments can be reported here and by other instances. */
export function registerReportableComments () {
  setReportableCommentLoader({ loadForUser, loadByUrl })
}
