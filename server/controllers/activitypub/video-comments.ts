import express, { type Request, type Response } from 'express'
import { withActivityPubContext } from '../../helpers/activitypub/index.js'
import { authorActorOf, buildCommentObject, servedAudienceOf, servedCommentAudience } from '../../lib/activitypub/comments/build-comment-object.js'
import { commentCreateActivityUrl, commentDeleteActivityUrl } from '../../lib/activitypub/comments/comment-activity-urls.js'
import { buildApproveReply } from '../../lib/activitypub/comments/send-comment-activities.js'
import { isLocalUrl } from '../../lib/activitypub/local-urls.js'
import { accountActorOf } from '../../lib/activitypub/videos/build-video-object.js'
import { notFound } from '../../lib/http-problems/http-problem.js'
import { resolveMentionedActors } from '../../lib/video-comments/comment-mentions.js'
import { listCommentAncestors, loadVideoComment } from '../../lib/video-comments/comment-finders.js'
import type { VideoCommentModel } from '../../models/video/video-comment.js'
import { activityPubOnly, sendActivityPub } from './content-negotiation.js'
import { loadFederatedVideo } from './federated-video.js'

// Our comments' ActivityPub URLs (under their video's watch URL): the Note, or the Tombstone it left; its
// Create; its Delete once deleted; the video owner's ApproveReply. Comments held for approval are not served.

const COMMENT_PATH = '/videos/watch/:videoId/comments/:commentId'

/** The comment the URL names, on a video that federates; held comments of our videos are not public yet. */
async function loadCommentOfVideo (req: Request) {
  const video = await loadFederatedVideo(req, 'summary')
  const id = /^\d{1,10}$/.test(String(req.params.commentId)) ? Number(req.params.commentId) : undefined
  const comment = id !== undefined ? await loadVideoComment(id, video.id) : null
  if (!comment || (!video.remote && comment.heldForReview)) throw notFound('Video comment not found')
  return comment
}

/** Our comment's documents are served here; a remote one's live at its origin. */
async function loadServedComment (req: Request, res: Response) {
  const comment = await loadCommentOfVideo(req)
  if (!isLocalUrl(comment.url)) {
    res.redirect(301, comment.url)
    return undefined
  }
  return comment
}

async function noteOf (comment: VideoCommentModel) {
  const ancestors = await listCommentAncestors(comment)
  const mentioned = comment.isDeleted() ? [] : (await resolveMentionedActors(comment.text)).filter(a => a.id !== comment.Account?.actorId)
  return buildCommentObject(comment, ancestors, mentioned, comment.isDeleted() ? undefined : servedCommentAudience(comment))
}

export function buildVideoCommentsActivityPubRouter () {
  const router = express.Router()

  router.get(COMMENT_PATH, activityPubOnly, async (req: Request, res: Response) => {
    const comment = await loadServedComment(req, res)
    if (!comment) return
    sendActivityPub(res, withActivityPubContext(await noteOf(comment), 'Comment'))
  })

  router.get(`${COMMENT_PATH}/activity`, activityPubOnly, async (req: Request, res: Response) => {
    const comment = await loadServedComment(req, res)
    if (!comment) return
    const object = await noteOf(comment)
    // A deleted comment has no author any more to have created it: its Tombstone answers, as PeerTube does.
    if (comment.isDeleted()) {
      sendActivityPub(res, withActivityPubContext(object, 'Comment'))
      return
    }
    const audience = servedCommentAudience(comment)
    sendActivityPub(res, withActivityPubContext({
      ...audience, type: 'Create', id: commentCreateActivityUrl(comment), actor: authorActorOf(comment).url, object
    }, 'Comment'))
  })

  // Our author's Delete, or our video owner's Delete of a remote comment (its id then lives under our video).
  router.get(`${COMMENT_PATH}/delete`, activityPubOnly, async (req: Request, res: Response) => {
    const comment = await loadCommentOfVideo(req)
    const video = comment.Video!
    const byActor = comment.isLocal() ? authorActorOf(comment) : !video.remote ? accountActorOf(video) : undefined
    if (!comment.isDeleted() || !byActor) throw notFound('No deletion of this comment here')
    sendActivityPub(res, withActivityPubContext({
      ...servedAudienceOf(byActor), type: 'Delete', id: commentDeleteActivityUrl(comment, video), actor: byActor.url, object: comment.url
    }, 'Delete'))
  })

  // Our approval of any comment on our videos, the remote ones included: the approval is ours.
  router.get(`${COMMENT_PATH}/approve-reply`, activityPubOnly, async (req: Request, res: Response) => {
    const comment = await loadCommentOfVideo(req)
    if (comment.Video!.remote || comment.isDeleted()) throw notFound('No approval of this comment')
    sendActivityPub(res, withActivityPubContext(buildApproveReply(comment), 'ApproveReply'))
  })

  return router
}
