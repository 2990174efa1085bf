import { loggerWithTags } from '../../helpers/logger.js'
import type { AuthenticatedUser } from '../../models/user/authenticated-user.js'
import type { VideoCommentModel } from '../../models/video/video-comment.js'
import { sendDeleteComment } from '../activitypub/comments/send-comment-activities.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { recordCommentEvent } from './comment-events.js'

const log = loggerWithTags('comments')

/**
 * Deletes a comment (the caller checked who may, comment-rules.ts): it becomes a tombstone, so its replies stay
 * where they are, and its Delete goes out with it. Needs the full includes.
 */
export async function deleteComment (comment: VideoCommentModel, by: AuthenticatedUser) {
  await unitOfWork(async () => {
    comment.markAsDeleted()
    await comment.save()
    await sendDeleteComment(comment)
    await recordCommentEvent({ type: 'deleted', comment })
  })
  log.info(`Comment ${comment.url} deleted by ${by.username}`)
}
