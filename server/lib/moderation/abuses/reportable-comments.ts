import type { AccountModel } from '../../../models/account/account.js'
import type { AuthenticatedUser } from '../../../models/user/authenticated-user.js'

/**
 * A comment as a report needs it. The comments module plugs its loader in with setReportableCommentLoader() at
 * start-up (lib/video-comments/reportable-comments.ts); without it no comment can be found, so reporting one is a
 * 404 naming `comment.id`, and a Flag of a comment is ignored.
 */
export interface ReportableComment {
  id: number
  /** ActivityPub id: a Flag names the comment by it. */
  url: string
  text: string
  /** The id of the thread's first comment (itself for a thread). */
  threadId: number
  isLocal: boolean
  /** The comment's author, with its actor (and server) loaded: the flagged account. */
  account: AccountModel
  video: { id: number, name: string, uuid: string }
}

export interface ReportableCommentLoader {
  /** The comment if it exists and `user` may see it (its video is visible to them). */
  loadForUser: (id: number, user: AuthenticatedUser) => Promise<ReportableComment | null>
  /** A comment we store, by its ActivityPub id (for received Flags). */
  loadByUrl: (url: string) => Promise<ReportableComment | null>
}

let loader: ReportableCommentLoader | undefined

export function setReportableCommentLoader (value: ReportableCommentLoader) {
  loader = value
}

export async function loadReportableComment (id: number, user: AuthenticatedUser) {
  return loader ? loader.loadForUser(id, user) : null
}

export async function loadReportableCommentByUrl (url: string) {
  return loader ? loader.loadByUrl(url) : null
}
