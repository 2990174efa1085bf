import { WEBSERVER } from '../../../initializers/config/index.js'

// Ids of our comments and of the activities about them, at PeerTube's paths: a comment lives under its video's
// watch URL (with the video's uuid, whichever instance the video comes from).

export function localCommentUrl (video: { uuid: string }, commentId: number) {
  return `${WEBSERVER.URL}/videos/watch/${video.uuid}/comments/${commentId}`
}

export function commentCreateActivityUrl (comment: { url: string }) {
  return `${comment.url}/activity`
}

export function commentDeleteActivityUrl (comment: { url: string }) {
  return `${comment.url}/delete`
}

/** The video owner's approval of a comment on one of our videos. */
export function commentApproveReplyUrl (video: { uuid: string }, commentId: number) {
  return `${localCommentUrl(video, commentId)}/approve-reply`
}
