import type { Job } from 'bull'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import type { DeletedVideoSnapshot } from '../../videos/video-events.js'
import { isVideoFederated } from '../../videos/video-federation-rules.js'
import { sendViewToOrigin } from './send-video-view.js'
import { notifyNewVideoFromSubscription } from '../../notifications/index.js'
import { federateVideo, loadVideoForFederation, sendDeleteOfDeletedVideo, unfederateVideo } from './send-video-activities.js'
import { faultPoint } from '../../../helpers/fault-points.js'

export interface FederateVideoPayload {
  videoId: number
  /** Set when the video was deleted: what its Delete needs. */
  deleted?: DeletedVideoSnapshot
  /** A remote video was viewed here: tell its origin (View). */
  view?: boolean
}

/**
 * federate-video: tells remotes what they must know of a local video now: Create (then Announces) or Update
 * while it may federate, Delete when it may not any more or is gone. It reads the video's current state, so a
 * burst of changes sends what is true when it runs; jobs of one video run in order. The shares and every
 * delivery are written in one unit of work (a view of a remote video is a View to its origin): a crash halfway sends nothing, and the rerun sends everything once.
 */
export async function processFederateVideo (job: Job<FederateVideoPayload>) {
  await unitOfWork(async () => {
    if (job.data.deleted) {
      await sendDeleteOfDeletedVideo(job.data.deleted)
      return
    }

    const video = await loadVideoForFederation(job.data.videoId)
    if (video && job.data.view) {
      await sendViewToOrigin(video)
      return
    }
    if (!video || video.remote) return

    // A moderator's block with `unfederate` (or an auto-block awaiting review) withholds it like a private video.
    if (!isVideoFederated(video) || video.VideoBlacklist?.unfederated) return unfederateVideo(video)
    // The first publication (its Create) is news for the channel's subscribers here too.
    if (await federateVideo(video) === 'created') await notifyNewVideoFromSubscription(video)
  })
  faultPoint('federate-committed')
}
