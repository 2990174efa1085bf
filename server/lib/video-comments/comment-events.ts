import type { VideoCommentModel } from '../../models/video/video-comment.js'

/**
 * What happens to comments that other parts may act on (notifications, moderation). Listeners run inside the
 * unit of work of the change: a listener that records a job (jobQueue.createJob) has it committed with the
 * comment, and never when the change rolls back. Nothing listens yet; the notification module plugs in here.
 */
export type CommentEvent =
  /** A comment was stored: written here, or received from a remote server (`heldForReview`: waiting for approval). */
  | { type: 'created', comment: VideoCommentModel, isLocal: boolean, heldForReview: boolean, mentionedAccountIds: number[] }
  /** A held comment was approved by the video's owner or a moderator (or, for ours on a remote video, by its origin). */
  | { type: 'approved', comment: VideoCommentModel }
  | { type: 'deleted', comment: VideoCommentModel }

export type CommentListener = (event: CommentEvent) => Promise<void>

const listeners: CommentListener[] = []

export function onCommentEvent (listener: CommentListener) {
  listeners.push(listener)
}

/** Called at each point where comments are created, approved or deleted (see the README of this folder). */
export async function recordCommentEvent (event: CommentEvent) {
  for (const listener of listeners) await listener(event)
}
