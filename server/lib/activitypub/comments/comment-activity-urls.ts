import { WEBSERVER } from '../../../initializers/config/index.js'
import { isLocalUrl } from '../local-urls.js'

// Ids of our comments and of the activities about them, at PeerTube's paths: a comment lives under its video's
// watch URL (with the video's uuid, whichever instance the video comes from).

export function localCommentUrl (video: { uuid: string }, commentId: number) {
  return `${WEBSERVER.URL}/videos/watch/${video.uuid}/comments/${commentId}`
}

export function commentCreateActivityUrl (comment: { url: string }) {
  return `${comment.url}/activity`
}

/**
 * The Delete of a comment: under the comment's own URL when it is ours; under our video's when the video's owner
 * (or a moderator) deleted someone else's comment there, since an activity's id must live on its actor's origin.
 */
export function commentDeleteActivityUrl (comment: { url: string, id: number }, video: { uuid: string }) {
  if (isLocalUrl(comment.url)) return `${comment.url}/delete`
  return `${localCommentUrl(video, comment.id)}/delete`
}

/** The video owner's approval of a comment on one of our videos. */
export function commentApproveReplyUrl (video: { uuid: string }, commentId: number) {
  return `${localCommentUrl(video, commentId)}/approve-reply`
}
