import { ACTIVITY_STREAMS_PUBLIC } from '../../../initializers/constants/activitypub.js'
import { actorHost } from '../../../models/account/formatters/account-formatter.js'
import type { ActorModel } from '../../../models/actor/actor.js'
import type { VideoCommentModel } from '../../../models/video/video-comment.js'
import type { Audience } from '../videos/audience.js'
import { commentApproveReplyUrl } from './comment-activity-urls.js'

// A comment as PeerTube 6.3 publishes it: a Note (Markdown content) answering the video or a comment, or the
// Tombstone it leaves once deleted. Member for member, in PeerTube's order.

function followersOf (actor: Pick<ActorModel, 'url' | 'followersUrl'>) {
  return actor.followersUrl ?? `${actor.url}/followers`
}

export function authorActorOf (comment: VideoCommentModel) {
  const actor = comment.Account?.Actor
  if (!actor) throw new Error(`Comment ${comment.url} must be loaded with its account's actor`)
  return actor
}

/** As our URLs serve a comment or an activity about it (PeerTube's): public, and to the actor's followers. */
export function servedAudienceOf (actor: Pick<ActorModel, 'url' | 'followersUrl'>): Audience {
  return { to: [ ACTIVITY_STREAMS_PUBLIC ], cc: [ followersOf(actor) ] }
}

export function servedCommentAudience (comment: VideoCommentModel): Audience {
  return servedAudienceOf(authorActorOf(comment))
}

/**
 * As a Create or Delete is addressed: public; the video's owner (when sent to the origin), the author's
 * followers, the authors of the comments answered, the mentioned actors and the followers of our actors that
 * share the video (when we are its origin).
 */
export function sentCommentAudience (options: {
  author: ActorModel
  videoOwner?: ActorModel
  ancestors: VideoCommentModel[]
  mentioned: ActorModel[]
  involved: ActorModel[]
}): Audience {
  const cc = [
    ...(options.videoOwner ? [ options.videoOwner.url ] : []),
    followersOf(options.author),
    ...options.ancestors.filter(c => !c.isDeleted() && c.Account?.Actor).map(c => c.Account!.Actor!.url),
    ...options.mentioned.map(a => a.url),
    ...options.involved.map(followersOf)
  ]
  return { to: [ ACTIVITY_STREAMS_PUBLIC ], cc: [ ...new Set(cc) ].filter(url => url !== options.author.url) }
}

export function mentionTag (actor: ActorModel) {
  return { type: 'Mention', href: actor.url, name: `@${actor.preferredUsername}@${actorHost(actor)}` }
}

/** Where the comment answers: the comment it replies to, or the video. Needs Video and InReplyToVideoComment loaded. */
export function commentInReplyTo (comment: VideoCommentModel) {
  if (comment.inReplyToCommentId === null || comment.inReplyToCommentId === undefined) return comment.Video!.url
  const parent = comment.InReplyToVideoComment
  if (!parent) throw new Error(`Comment ${comment.url} must be loaded with the comment it answers`)
  return parent.url
}

/**
 * The Note (or Tombstone). `ancestors` are the comments it answers (their authors are mentioned, as PeerTube
 * does); `mentioned` the actors its text names. Needs the full includes (VideoCommentModel.fullIncludes).
 */
export function buildCommentObject (
  comment: VideoCommentModel,
  ancestors: VideoCommentModel[],
  mentioned: ActorModel[],
  audience?: Audience
) {
  const inReplyTo = commentInReplyTo(comment)
  if (comment.isDeleted()) {
    return {
      id: comment.url,
      type: 'Tombstone',
      formerType: 'Note',
      inReplyTo,
      published: comment.createdAt.toISOString(),
      updated: comment.updatedAt.toISOString(),
      deleted: comment.deletedAt!.toISOString()
    }
  }

  const tagged = new Map<string, ReturnType<typeof mentionTag>>()
  for (const actor of [ ...ancestors.filter(c => !c.isDeleted()).map(c => c.Account?.Actor), ...mentioned ]) {
    if (actor && !tagged.has(actor.url)) tagged.set(actor.url, mentionTag(actor))
  }

  const video = comment.Video!
  // Approved by the origin: ours when we are the video's origin (and the comment is not waiting), else what the
  // origin sent us.
  const replyApproval = !video.remote && !comment.heldForReview ? commentApproveReplyUrl(video, comment.id) : comment.replyApproval ?? null

  return {
    ...(audience ?? servedCommentAudience(comment)),
    type: 'Note',
    id: comment.url,
    content: comment.text,
    mediaType: 'text/markdown',
    inReplyTo,
    updated: comment.updatedAt.toISOString(),
    published: comment.createdAt.toISOString(),
    url: comment.url,
    attributedTo: authorActorOf(comment).url,
    replyApproval,
    tag: [ ...tagged.values() ]
  }
}
