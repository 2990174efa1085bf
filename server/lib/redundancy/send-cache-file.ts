import type { ActorModel } from '../../models/actor/actor.js'
import type { VideoRedundancyModel } from '../../models/redundancy/video-redundancy.js'
import type { VideoFileModel } from '../../models/video/video-file.js'
import type { VideoModel } from '../../models/video/video.js'
import type { OutgoingActivity } from '../activitypub/activity-types.js'
import { sendActivity } from '../activitypub/send/send-activity.js'
import { accountActorOf } from '../activitypub/videos/build-video-object.js'
import { buildCacheFileObject } from './cache-file-object.js'

// Our mirrors are announced to the video's origin (its account), as PeerTube does: the origin decides whether
// to list them, and passes them on to its followers. Call these in the unit of work of the change.

function originOf (video: VideoModel) {
  const owner = accountActorOf(video)
  return { audience: { to: [ owner.url ], cc: [] as string[] }, toInboxes: [ owner.sharedInboxUrl ?? owner.inboxUrl ] }
}

export function buildCreateCacheFile (byActor: ActorModel, video: VideoModel, redundancy: VideoRedundancyModel, file?: VideoFileModel | null, type: 'Create' | 'Update' = 'Create'): OutgoingActivity {
  return {
    ...originOf(video).audience,
    id: `${redundancy.url}/${type === 'Create' ? 'activity' : `update/${Date.now()}`}`,
    type,
    actor: byActor.url,
    object: buildCacheFileObject(redundancy, video.url, file)
  }
}

export async function sendCreateCacheFile (byActor: ActorModel, video: VideoModel, redundancy: VideoRedundancyModel, file?: VideoFileModel | null, type: 'Create' | 'Update' = 'Create') {
  const { toInboxes } = originOf(video)
  await sendActivity(buildCreateCacheFile(byActor, video, redundancy, file, type), { byActor, toInboxes, contextType: 'CacheFile' })
}

export async function sendUndoCacheFile (byActor: ActorModel, video: VideoModel, redundancy: VideoRedundancyModel, file?: VideoFileModel | null) {
  const { audience, toInboxes } = originOf(video)
  const create = buildCreateCacheFile(byActor, video, redundancy, file)
  await sendActivity({ ...audience, id: `${redundancy.url}/undo/${Date.now()}`, type: 'Undo', actor: byActor.url, object: create }, { byActor, toInboxes, contextType: 'CacheFile' })
}
