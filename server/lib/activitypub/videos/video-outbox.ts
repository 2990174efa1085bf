import { VideoPrivacy } from '../../../../shared/models/videos.js'
import type { ActorModel } from '../../../models/actor/actor.js'
import { listVideosForOutbox } from '../../../models/video/queries/video-outbox-query.js'
import { VideoShareModel } from '../../../models/video/video-share.js'
import { setOutboxItemsProvider } from '../collections/outbox-items.js'
import { getVideoAudience } from './audience.js'
import { accountActorOf, buildVideoObject } from './build-video-object.js'
import { videoCreateActivityUrl } from './video-activity-urls.js'

/**
 * Outbox items, as PeerTube lists them: the Create of each public video an account published, the Announce of
 * each video a channel or the server actor shared. A crawler that follows us gets every existing video this way.
 */
async function listOutboxItems (actor: ActorModel, start: number, count: number) {
  const { total, data: videos } = await listVideosForOutbox(actor.id, start, count)
  const shares = await VideoShareModel.listSharedVideoIds(actor.id, videos.map(v => v.id))
  const audience = getVideoAudience(actor, VideoPrivacy.PUBLIC)

  const items = videos.map(video => {
    const accountActor = accountActorOf(video)
    const shareUrl = shares.get(video.id)
    if (accountActor.id !== actor.id && shareUrl) {
      return { ...audience, type: 'Announce', id: shareUrl, actor: actor.url, object: video.url }
    }
    return {
      ...audience,
      type: 'Create',
      id: videoCreateActivityUrl(video),
      actor: accountActor.url,
      object: buildVideoObject(video, audience)
    }
  })
  return { total, data: items }
}

export function registerVideoOutbox () {
  setOutboxItemsProvider(listOutboxItems)
}
