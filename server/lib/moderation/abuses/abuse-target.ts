import type { AccountModel } from '../../../models/account/account.js'
import type { VideoModel } from '../../../models/video/video.js'
import type { ReportableComment } from './reportable-comments.js'

/** What a report is about: exactly one of a video (with an optional time range), a comment or an account. */
export type AbuseTarget =
  | { type: 'video', video: VideoModel, startAt?: number, endAt?: number }
  | { type: 'comment', comment: ReportableComment }
  | { type: 'account', account: AccountModel }

/** The account answerable for the object: the video's or the comment's author, or the account itself. */
export function flaggedAccountOf (target: AbuseTarget): AccountModel {
  if (target.type === 'video') {
    const account = target.video.VideoChannel?.Account
    if (!account) throw new Error('A reported video must be loaded with its channel and account')
    return account
  }
  return target.type === 'comment' ? target.comment.account : target.account
}

/** The object lives on another instance: the report is forwarded there as a Flag. */
export function isRemoteTarget (target: AbuseTarget) {
  if (target.type === 'video') return target.video.remote
  if (target.type === 'comment') return !target.comment.isLocal
  return !target.account.Actor?.isLocal()
}

/** The URL a Flag names the object by. */
export function targetObjectUrl (target: AbuseTarget) {
  if (target.type === 'video') return target.video.url
  if (target.type === 'comment') return target.comment.url
  const actor = target.account.Actor
  if (!actor) throw new Error('A reported account must be loaded with its actor')
  return actor.url
}
