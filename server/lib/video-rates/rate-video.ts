import type { UserVideoRateType, VideoRateType } from '../../../shared/models/video-comments.js'
import type { AccountModel } from '../../models/account/account.js'
import { AccountVideoRateModel } from '../../models/account/account-video-rate.js'
import { VideoModel } from '../../models/video/video.js'
import { localRateActivityUrl } from '../activitypub/rates/rate-activity-urls.js'
import { sendRateChangeToOrigin } from '../activitypub/rates/send-rate-activities.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { recordVideoChanged } from '../videos/video-events.js'

/**
 * Replaces an account's rating of a video (`none` removes it) and moves the video's counts by the difference,
 * atomically (several accounts rate at once). A change of one of our videos is recorded for federation (its
 * Update carries the new counts to followers). Call it in a unit of work, with `existing` read under lock.
 */
export async function applyRateChange (options: {
  video: Pick<VideoModel, 'id' | 'remote'>
  accountId: number
  existing?: AccountVideoRateModel
  rating: UserVideoRateType
  /** The rating activity's id (ours, or the remote Like's). */
  url?: string
}) {
  const { video, accountId, existing, rating, url } = options
  const before: VideoRateType | undefined = existing?.type
  const after: VideoRateType | undefined = rating === 'none' ? undefined : rating
  const delta = { likes: 0, dislikes: 0 }
  if (before) delta[before === 'like' ? 'likes' : 'dislikes']--
  if (after) delta[after === 'like' ? 'likes' : 'dislikes']++

  if (!after) await existing?.destroy()
  else if (existing) await existing.update({ type: after, url: url! })
  else await AccountVideoRateModel.create({ type: after, url: url!, accountId, videoId: video.id })

  if (delta.likes !== 0 || delta.dislikes !== 0) {
    // The video's own metadata did not change: updatedAt (also "last fetched" for remote copies) stays.
    await VideoModel.increment(delta, { where: { id: video.id }, silent: true })
  }
  if (!video.remote) await recordVideoChanged(video)
  return { before, after }
}

/**
 * PUT /videos/{id}/rate: one of our accounts likes, dislikes or stops rating a video. The same rating again
 * changes nothing. A remote video's origin gets the change (Undo, then Like or Dislike). Needs the video's
 * channel account actor, and the account's actor, loaded.
 */
export async function rateVideo (options: { video: VideoModel, account: AccountModel, rating: UserVideoRateType }, retried = false): Promise<void> {
  const { video, account, rating } = options
  try {
    await unitOfWork(async transaction => {
      const existing = await AccountVideoRateModel.loadForUpdate(account.id, video.id, transaction)
      if ((rating === 'none' && !existing) || existing?.type === rating) return

      const url = rating === 'none' ? undefined : localRateActivityUrl(account.Actor!, video, rating)
      const { before, after } = await applyRateChange({ video, accountId: account.id, existing: existing ?? undefined, rating, url })
      await sendRateChangeToOrigin(account.Actor!, video, before, after)
    })
  } catch (err) {
    // Two first ratings at once (a double click): the other one is stored now, so this one is a change of it.
    if ((err as Error).name !== 'SequelizeUniqueConstraintError' || retried) throw err
    await rateVideo(options, true)
  }
}
