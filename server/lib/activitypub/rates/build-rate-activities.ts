import type { VideoRateType } from '../../../../shared/models/video-comments.js'
import { ACTIVITY_STREAMS_PUBLIC } from '../../../initializers/constants/activitypub.js'
import type { ActorModel } from '../../../models/actor/actor.js'
import type { OutgoingActivity } from '../activity-types.js'
import { localUndoActivityUrl } from '../local-urls.js'
import type { Audience } from '../videos/audience.js'

/** As a rating's own URL serves it (PeerTube's): public, to the rater's followers. */
export function servedRateAudience (byActor: Pick<ActorModel, 'url' | 'followersUrl'>): Audience {
  return { to: [ ACTIVITY_STREAMS_PUBLIC ], cc: [ byActor.followersUrl ?? `${byActor.url}/followers` ] }
}

/** PeerTube's Like or Dislike of a video. */
export function buildRateActivity (type: VideoRateType, url: string, byActor: ActorModel, videoUrl: string, audience?: Audience): OutgoingActivity {
  return {
    ...(audience ?? servedRateAudience(byActor)),
    id: url,
    type: type === 'like' ? 'Like' : 'Dislike',
    actor: byActor.url,
    object: videoUrl
  }
}

export function buildUndoRateActivity (rate: OutgoingActivity, audience: Audience): OutgoingActivity {
  return { ...audience, type: 'Undo', id: localUndoActivityUrl(rate.id), actor: rate.actor, object: rate }
}
