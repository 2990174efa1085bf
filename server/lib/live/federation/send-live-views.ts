import type { VideoModel } from '../../../models/video/video.js'
import type { OutgoingActivity } from '../../activitypub/activity-types.js'
import { sendActivity } from '../../activitypub/send/send-activity.js'
import { sendToFollowers } from '../../activitypub/send/recipients.js'
import { getServerActor } from '../../activitypub/server-actor.js'
import { getVideoAudience } from '../../activitypub/videos/audience.js'
import { accountActorOf, channelActorOf } from '../../activitypub/videos/build-video-object.js'

// PeerTube's viewers protocol (v2): a View with `expires` is one viewer until then; with `result` (an
// InteractionCounter of WatchAction) it is the origin's total.

/** The origin's viewer count of one of our lives, to the followers of its account, channel and our instance. */
export async function sendViewerCount (video: VideoModel, viewers: number, expires: Date) {
  const serverActor = await getServerActor()
  const activity: OutgoingActivity = {
    ...getVideoAudience(serverActor, video.privacy),
    type: 'View',
    id: `${serverActor.url}/views/videos/${video.id}/viewers-${Date.now()}`,
    actor: serverActor.url,
    object: video.url,
    expires: expires.toISOString(),
    result: { interactionType: 'WatchAction', type: 'InteractionCounter', userInteractionCount: viewers }
  }
  await sendToFollowers(activity, serverActor, [ accountActorOf(video).id, channelActorOf(video).id, serverActor.id ], { contextType: 'View' })
}

/** One of our viewers of a remote live, reported to its origin (which counts it until `expires`). */
export async function sendViewerToOrigin (video: VideoModel, viewerId: string, expires: Date) {
  const serverActor = await getServerActor()
  const origin = accountActorOf(video)
  const activity: OutgoingActivity = {
    ...getVideoAudience(serverActor, video.privacy),
    type: 'View',
    id: `${serverActor.url}/views/videos/${video.id}/${viewerId}`,
    actor: serverActor.url,
    object: video.url,
    expires: expires.toISOString()
  }
  await sendActivity(activity, { byActor: serverActor, toInboxes: [ origin.sharedInboxUrl ?? origin.inboxUrl ], contextType: 'View' })
}
