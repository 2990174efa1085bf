import type { VideoRateType } from '../../../../shared/models/video-comments.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import type { ActorModel } from '../../../models/actor/actor.js'
import type { VideoModel } from '../../../models/video/video.js'
import { sendActivity } from '../send/send-activity.js'
import { accountActorOf } from '../videos/build-video-object.js'
import { buildRateActivity, buildUndoRateActivity } from './build-rate-activities.js'
import { localRateActivityUrl } from './rate-activity-urls.js'

const log = loggerWithTags('activitypub', 'rates')

/**
 * One of our accounts changed its rating of a remote video: the video's origin keeps the count, so it gets
 * an Undo of the old rating and the new one (in that order), addressed to the video's account as PeerTube does.
 * Ratings of our own videos are not sent: their counts reach followers with the video's Update. Call it in the
 * unit of work of the change. Needs the video's channel account actor loaded.
 */
export async function sendRateChangeToOrigin (byActor: ActorModel, video: VideoModel, before: VideoRateType | undefined, after: VideoRateType | undefined) {
  if (!video.remote || before === after) return
  const owner = accountActorOf(video)
  const audience = { to: [ owner.url ], cc: [] }
  const toInboxes = [ owner.sharedInboxUrl ?? owner.inboxUrl ]

  if (before) {
    const previous = buildRateActivity(before, localRateActivityUrl(byActor, video, before), byActor, video.url, audience)
    await sendActivity(buildUndoRateActivity(previous, audience), { byActor, toInboxes, contextType: 'Rate' })
  }
  if (after) {
    log.info(`Sending ${after} of ${video.url} by ${byActor.url}`)
    await sendActivity(buildRateActivity(after, localRateActivityUrl(byActor, video, after), byActor, video.url, audience), { byActor, toInboxes, contextType: 'Rate' })
  }
}
