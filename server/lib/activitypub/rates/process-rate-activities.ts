import type { VideoRateType } from '../../../../shared/models/video-comments.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import { AccountVideoRateModel } from '../../../models/account/account-video-rate.js'
import { loadAccountByActorId } from '../../../models/actor/queries/actor-queries.js'
import { VideoModel } from '../../../models/video/video.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import { applyRateChange } from '../../video-rates/rate-video.js'
import { isVideoFederated } from '../../videos/video-federation-rules.js'
import { getObjectId, getObjectType, isObject } from '../activity-types.js'
import { isSameOrigin } from '../ownership.js'
import type { ActivityContext } from '../process/activity-context.js'

const log = loggerWithTags('activitypub', 'rates')

/**
 * Like or Dislike of one of our videos by a remote account (PeerTube's, or a Mastodon favourite of the video's
 * post). The rating is kept (the video's collections list it) and the video's counts change; followers get
 * them with the video's Update. A rating of a remote video is its origin's business: not kept here. The same
 * activity twice changes nothing.
 */
function processRate (type: VideoRateType) {
  return async ({ activity, byActor }: ActivityContext) => {
    const url = getObjectId(activity.object)
    const video = url ? await VideoModel.loadByUrl(url) : null
    if (!video) return false
    if (video.remote) return true
    if (!isVideoFederated(video)) {
      log.info(`${activity.type} ${activity.id} of ${video.url}, which is not public: nothing stored`)
      return true
    }

    const account = await loadAccountByActorId(byActor.id)
    if (!account || byActor.type === 'Group') {
      log.warn(`${activity.type} ${activity.id} by ${byActor.url}, which is no account: ignored`)
      return true
    }

    await unitOfWork(async transaction => {
      const existing = await AccountVideoRateModel.loadForUpdate(account.id, video.id, transaction) ??
        await AccountVideoRateModel.findOne({ where: { url: activity.id }, transaction })
      if (existing && existing.type === type && existing.url === activity.id) return
      if (existing && existing.accountId !== account.id) {
        log.warn(`${activity.type} ${activity.id} reuses the id of another account's rating: ignored`)
        return
      }
      await applyRateChange({ video, accountId: account.id, existing: existing ?? undefined, rating: type, url: activity.id })
    })
    return true
  }
}

/** The rating an Undo takes back, inline (PeerTube, Mastodon) or by its id. */
async function ratingUndone (object: unknown) {
  const url = getObjectId(object)
  if (!url) return null
  return AccountVideoRateModel.findOne({ where: { url } })
}

/** Undo of a Like or Dislike: only the account that rated can take it back. */
async function processUndoRate ({ activity, byActor }: ActivityContext) {
  const object = activity.object
  const type = getObjectType(object)
  if (type !== undefined && type !== 'Like' && type !== 'Dislike') return false

  const rate = await ratingUndone(object)
  if (!rate) {
    // A rating of a remote video (not kept), or already undone.
    return type !== undefined
  }
  const account = await loadAccountByActorId(byActor.id)
  if (!account || rate.accountId !== account.id || !isSameOrigin(rate.url, byActor.url)) {
    log.warn(`Undo ${activity.id} by ${byActor.url} of rating ${rate.url}, which is not its own: ignored`)
    return true
  }
  if (isObject(object) && type && (type === 'Like') !== (rate.type === 'like')) return true

  const video = await VideoModel.findByPk(rate.videoId)
  if (!video) return true
  await unitOfWork(async transaction => {
    const current = await AccountVideoRateModel.loadForUpdate(account.id, video.id, transaction)
    if (!current || current.url !== rate.url) return
    await applyRateChange({ video, accountId: account.id, existing: current, rating: 'none' })
  })
  return true
}

export const rateActivityHandlers = { processLike: processRate('like'), processDislike: processRate('dislike'), processUndoRate }
