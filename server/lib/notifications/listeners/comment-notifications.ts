import { loadAccountByActorId } from '../../../models/actor/queries/actor-queries.js'
import { VideoCommentModel } from '../../../models/video/video-comment.js'
import { onCommentEvent } from '../../video-comments/comment-events.js'
import { resolveMentionedActors } from '../../video-comments/comment-mentions.js'
import { notifyNewComment } from '../index.js'

// Comments notify from the unit of work that stores them (the notify job commits with the comment): new ones,
// local or delivered from another instance, and held ones once approved. Comments read from a collection or as
// a reply's ancestor are old news and notify nobody.

async function inReplyToAccountIdOf (comment: VideoCommentModel) {
  if (comment.inReplyToCommentId === null || comment.inReplyToCommentId === undefined) return null
  const parent = comment.InReplyToVideoComment ?? await VideoCommentModel.findByPk(comment.inReplyToCommentId, { attributes: [ 'accountId' ] })
  return parent?.accountId ?? null
}

/** Our accounts a comment's text mentions (for an approved comment: its mentions were not announced while held). */
async function mentionedLocalAccountIds (text: string) {
  const actors = (await resolveMentionedActors(text)).filter(actor => actor.isLocal())
  const accounts = await Promise.all(actors.map(actor => loadAccountByActorId(actor.id)))
  return accounts.flatMap(account => (account ? [ account.id ] : []))
}

async function notifyOf (comment: VideoCommentModel, options: { heldForReview: boolean, mentionedAccountIds: number[], approved?: boolean }) {
  if (comment.accountId === null || comment.isDeleted()) return
  await notifyNewComment({
    commentId: comment.id,
    threadId: comment.threadId(),
    videoId: comment.videoId,
    accountId: comment.accountId,
    text: comment.text,
    inReplyToAccountId: await inReplyToAccountIdOf(comment),
    ...options
  })
}

export function registerCommentNotifications () {
  onCommentEvent(async event => {
    if (event.type === 'created') {
      if (event.fetched) return
      await notifyOf(event.comment, { heldForReview: event.heldForReview, mentionedAccountIds: event.mentionedAccountIds })
    } else if (event.type === 'approved') {
      await notifyOf(event.comment, { heldForReview: false, mentionedAccountIds: await mentionedLocalAccountIds(event.comment.text), approved: true })
    }
  })
}
