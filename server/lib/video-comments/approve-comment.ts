import { loggerWithTags } from '../../helpers/logger.js'
import type { AuthenticatedUser } from '../../models/user/authenticated-user.js'
import type { VideoCommentModel } from '../../models/video/video-comment.js'
import { sendApproveReply, sendCreateComment } from '../activitypub/comments/send-comment-activities.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { recordCommentEvent } from './comment-events.js'

const log = loggerWithTags('comments')

/**
 * The video's owner (or a moderator) approves a held comment: everyone sees it from now on. Ours is sent now
 * (held comments on our videos were not); a remote author is told with an ApproveReply, and its server sends
 * the comment again, which we then forward. Needs the full includes.
 */
export async function approveComment (comment: VideoCommentModel, by: AuthenticatedUser) {
  await unitOfWork(async () => {
    comment.heldForReview = false
    await comment.save()
    if (comment.isLocal()) await sendCreateComment(comment)
    else await sendApproveReply(comment)
    await recordCommentEvent({ type: 'approved', comment })
  })
  log.info(`Comment ${comment.url} approved by ${by.username}`)
}
