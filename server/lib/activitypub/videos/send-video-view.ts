import { randomUUID } from 'node:crypto'
import { VideoPrivacy } from '../../../../shared/models/videos.js'
import type { VideoModel } from '../../../models/video/video.js'
import { sendActivity } from '../send/send-activity.js'
import { getServerActor } from '../server-actor.js'
import { getVideoAudience } from './audience.js'
import { accountActorOf } from './build-video-object.js'

/**
 * PeerTube's view protocol: a local viewer watched a remote video, so its origin is told with a View by our server
 * actor (a fresh id per view: the origin counts each id once). The origin's counter comes back in its Updates.
 */
export async function sendViewToOrigin (video: VideoModel) {
  if (!video.remote) return
  const origin = accountActorOf(video)
  const serverActor = await getServerActor()

  await sendActivity({
    ...getVideoAudience(serverActor, VideoPrivacy.PUBLIC),
    type: 'View',
    id: `${serverActor.url}/views/videos/${video.id}/${randomUUID()}`,
    actor: serverActor.url,
    object: video.url
  }, { byActor: serverActor, toInboxes: [ origin.sharedInboxUrl ?? origin.inboxUrl ], contextType: 'View' })
}
