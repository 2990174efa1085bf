import { loggerWithTags } from '../../../helpers/logger.js'
import type { ActorModel } from '../../../models/actor/actor.js'
import { VideoCommentModel } from '../../../models/video/video-comment.js'
import type { VideoModel } from '../../../models/video/video.js'
import { isVideoFederated } from '../../videos/video-federation-rules.js'
import { resolveMentionedActors } from '../../video-comments/comment-mentions.js'
import type { OutgoingActivity } from '../activity-types.js'
import { getFollowersInboxes } from '../send/recipients.js'
import { sendActivity } from '../send/send-activity.js'
import { getServerActor } from '../server-actor.js'
import { accountActorOf, channelActorOf } from '../videos/build-video-object.js'
import { authorActorOf, buildCommentObject, commentInReplyTo, sentCommentAudience } from './build-comment-object.js'
import { commentApproveReplyUrl, commentCreateActivityUrl, commentDeleteActivityUrl } from './comment-activity-urls.js'

const log = loggerWithTags('activitypub', 'comments')

// Sending comments, as PeerTube does. A comment on one of our videos goes to the followers of everything
// involved in the video (its account, channel and our server actor). A comment on a remote video goes to the
// video's origin, which forwards it to its own followers. Either way the author's followers, the authors of
// the comments it answers and the actors it mentions get it too. Call these in the unit of work of the change.

export function inboxOf (actor: Pick<ActorModel, 'sharedInboxUrl' | 'inboxUrl'>) {
  return actor.sharedInboxUrl ?? actor.inboxUrl
}

/** Comments federate with their video: our public or unlisted published videos, and the remote ones we have. */
export function isCommentFederated (video: VideoModel) {
  return video.remote || isVideoFederated(video)
}

/** Our actors whose followers hear about one of our videos. */
export async function actorsInvolvedInLocalVideo (video: VideoModel) {
  return [ accountActorOf(video), channelActorOf(video), await getServerActor() ]
}

interface Delivery {
  activity: OutgoingActivity
  byActor: ActorModel
  video: VideoModel
  /** Actors that get it in their own inbox, besides followers. */
  directTo: ActorModel[]
  contextType: 'Comment' | 'Delete'
}

async function deliver ({ activity, byActor, video, directTo, contextType }: Delivery) {
  const followerIds = video.remote ? [ byActor.id ] : [ byActor.id, ...(await actorsInvolvedInLocalVideo(video)).map(a => a.id) ]
  const inboxes = [ ...directTo.filter(a => !a.isLocal()).map(inboxOf), ...await getFollowersInboxes(followerIds) ]

  if (video.remote) {
    // The origin decides what its audience sees: it must get it, retried until it does.
    const originInbox = inboxOf(accountActorOf(video))
    await sendActivity(activity, { byActor, toInboxes: [ originInbox ], contextType })
    await sendActivity(activity, { byActor, toInboxes: inboxes.filter(i => i !== originInbox), contextType, asBroadcast: true })
    return
  }
  await sendActivity(activity, { byActor, toInboxes: inboxes, contextType, asBroadcast: true })
}

/**
 * The Create of one of our users' comments. Not sent while it waits for approval on one of our videos; sent to
 * a remote origin even then (the origin approves it).
 */
export async function sendCreateComment (comment: VideoCommentModel) {
  const video = comment.Video!
  if (!isCommentFederated(video) || comment.isDeleted()) return
  if (!video.remote && comment.heldForReview) return

  const author = authorActorOf(comment)
  const ancestors = await VideoCommentModel.listAncestors(comment)
  const mentioned = (await resolveMentionedActors(comment.text)).filter(a => a.id !== author.id)
  const audience = sentCommentAudience({
    author,
    videoOwner: video.remote ? accountActorOf(video) : undefined,
    ancestors,
    mentioned,
    involved: video.remote ? [] : await actorsInvolvedInLocalVideo(video)
  })

  const activity: OutgoingActivity = {
    ...audience,
    type: 'Create',
    id: commentCreateActivityUrl(comment),
    actor: author.url,
    object: buildCommentObject(comment, ancestors, mentioned, audience)
  }
  log.info(`Sending Create of comment ${comment.url}`)
  await deliver({ activity, byActor: author, video, directTo: [ ...answeredAuthors(ancestors), ...mentioned ], contextType: 'Comment' })
}

/**
 * The Delete of a comment that was deleted here: by its author (ours), or, on one of our videos, by the video's
 * owner or a moderator (the video's account then signs it, and the comment's remote author is told too).
 */
export async function sendDeleteComment (comment: VideoCommentModel) {
  const video = comment.Video!
  const isOurs = comment.isLocal()
  if (!isCommentFederated(video) || (!isOurs && video.remote)) return

  const byActor = isOurs ? authorActorOf(comment) : accountActorOf(video)
  const ancestors = await VideoCommentModel.listAncestors(comment)
  const audience = sentCommentAudience({
    author: byActor,
    videoOwner: video.remote ? accountActorOf(video) : undefined,
    ancestors,
    mentioned: [],
    involved: video.remote ? [] : await actorsInvolvedInLocalVideo(video)
  })

  const activity: OutgoingActivity = { ...audience, type: 'Delete', id: commentDeleteActivityUrl(comment, video), actor: byActor.url, object: comment.url }
  const remoteAuthor = !isOurs && comment.Account?.Actor ? [ comment.Account.Actor ] : []
  log.info(`Sending Delete of comment ${comment.url}`)
  await deliver({ activity, byActor, video, directTo: [ ...answeredAuthors(ancestors), ...remoteAuthor ], contextType: 'Delete' })
}

function answeredAuthors (ancestors: VideoCommentModel[]) {
  return ancestors.filter(c => !c.isDeleted() && !c.heldForReview && c.Account?.Actor).map(c => c.Account!.Actor!)
}

/** PeerTube's ApproveReply: tells a remote comment's author that our video accepted it (then it may be forwarded). */
export function buildApproveReply (comment: VideoCommentModel): OutgoingActivity {
  const video = comment.Video!
  return {
    type: 'ApproveReply',
    id: commentApproveReplyUrl(video, comment.id),
    actor: accountActorOf(video).url,
    inReplyTo: commentInReplyTo(comment),
    object: comment.url
  }
}

export async function sendApproveReply (comment: VideoCommentModel) {
  const video = comment.Video!
  const author = comment.Account?.Actor
  if (video.remote || !author || author.isLocal() || !isCommentFederated(video)) return
  await sendActivity(buildApproveReply(comment), { byActor: accountActorOf(video), toInboxes: [ author.inboxUrl ], contextType: 'ApproveReply' })
}
