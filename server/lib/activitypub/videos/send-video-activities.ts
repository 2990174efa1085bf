import { loggerWithTags } from '../../../helpers/logger.js'
import { ActorModel } from '../../../models/actor/actor.js'
import { detailsIncludes } from '../../../models/video/queries/video-includes.js'
import { VideoShareModel } from '../../../models/video/video-share.js'
import { VideoModel } from '../../../models/video/video.js'
import type { OutgoingActivity } from '../activity-types.js'
import { isVideoFederated } from '../../videos/video-federation-rules.js'
import type { DeletedVideoSnapshot } from '../../videos/video-events.js'
import { sendToFollowers } from '../send/recipients.js'
import { getServerActor } from '../server-actor.js'
import { getAudienceFromFollowersOf, getVideoAudience } from './audience.js'
import { accountActorOf, buildVideoObject, channelActorOf } from './build-video-object.js'
import {
  videoAnnounceActivityUrl, videoCreateActivityUrl, videoDeleteActivityUrl, videoUpdateActivityUrl
} from './video-activity-urls.js'

const log = loggerWithTags('activitypub', 'videos')

export async function loadVideoForFederation (videoId: number) {
  return VideoModel.findByPk(videoId, { include: detailsIncludes() })
}

/**
 * Tells remote instances about a local video, as PeerTube: the first time (no share by the server actor yet),
 * a Create by the account to its followers, then an Announce by the channel and one by the server actor, so
 * channel subscribers and following instances get it; afterwards an Update to the followers of all three.
 */
export async function federateVideo (video: VideoModel): Promise<'created' | 'updated' | 'skipped'> {
  if (!isVideoFederated(video)) return 'skipped'
  const serverActor = await getServerActor()

  if (await VideoShareModel.isSharedBy(serverActor.id, video.id)) {
    await sendUpdateVideo(video)
    return 'updated'
  }

  await sendCreateVideo(video)
  await sendVideoAnnounce(channelActorOf(video), video)
  await sendVideoAnnounce(serverActor, video)
  return 'created'
}

/** The video left the public and unlisted audiences: remotes delete their copy; a later publication is new. */
export async function unfederateVideo (video: VideoModel) {
  const serverActor = await getServerActor()
  if (!await VideoShareModel.isSharedBy(serverActor.id, video.id)) return

  await sendDeleteVideo({ url: video.url, privacy: video.privacy, accountActor: accountActorOf(video), channelActorId: channelActorOf(video).id })
  await VideoShareModel.destroyByVideo(video.id)
}

export async function sendCreateVideo (video: VideoModel) {
  const byActor = accountActorOf(video)
  const audience = getVideoAudience(byActor, video.privacy)
  const activity: OutgoingActivity = {
    ...audience,
    type: 'Create',
    id: videoCreateActivityUrl(video),
    actor: byActor.url,
    object: buildVideoObject(video, audience)
  }
  log.info(`Sending Create of video ${video.url}`)
  await sendToFollowers(activity, byActor, [ byActor.id ], { contextType: 'Video' })
}

export async function sendUpdateVideo (video: VideoModel) {
  const byActor = accountActorOf(video)
  const audience = getVideoAudience(byActor, video.privacy)
  const activity: OutgoingActivity = {
    ...audience,
    type: 'Update',
    id: videoUpdateActivityUrl(video, video.updatedAt),
    actor: byActor.url,
    object: buildVideoObject(video, audience)
  }
  log.info(`Sending Update of video ${video.url}`)
  await sendToFollowers(activity, byActor, await involvedActorIds(video), { contextType: 'Video' })
}

/** An Announce of the video by `byActor` (channel or server actor), recorded as its share. */
export async function sendVideoAnnounce (byActor: ActorModel, video: VideoModel) {
  const share = await VideoShareModel.findOrCreateShare({ url: videoAnnounceActivityUrl(video, byActor), actorId: byActor.id, videoId: video.id })
  const serverActor = await getServerActor()
  const involved = [ accountActorOf(video), channelActorOf(video), serverActor ]

  const activity: OutgoingActivity = {
    ...getAudienceFromFollowersOf(involved),
    type: 'Announce',
    id: share.url,
    actor: byActor.url,
    object: video.url
  }
  await sendToFollowers(activity, byActor, involved.map(a => a.id), { contextType: 'Announce' })
}

/** What a Delete needs: the video's URL and audience, and its account actor, which signs it. */
interface VideoDeleteSnapshot {
  url: string
  privacy: VideoModel['privacy']
  accountActor: ActorModel
  channelActorId: number
}

/** The Delete of a video that is gone, from the snapshot its deletion recorded. */
export async function sendDeleteOfDeletedVideo (deleted: DeletedVideoSnapshot) {
  if (!deleted.wasFederated) return
  const accountActor = await ActorModel.findByPk(deleted.accountActorId)
  if (!accountActor) {
    log.warn(`Cannot send the Delete of video ${deleted.url}: its account actor is gone`)
    return
  }
  await sendDeleteVideo({ url: deleted.url, privacy: deleted.privacy, accountActor, channelActorId: deleted.channelActorId })
}

async function sendDeleteVideo (snapshot: VideoDeleteSnapshot) {
  const byActor = snapshot.accountActor
  const serverActor = await getServerActor()
  const activity: OutgoingActivity = {
    ...getVideoAudience(byActor, snapshot.privacy),
    type: 'Delete',
    id: videoDeleteActivityUrl(snapshot),
    actor: byActor.url,
    object: snapshot.url
  }
  log.info(`Sending Delete of video ${snapshot.url}`)
  await sendToFollowers(activity, byActor, [ byActor.id, snapshot.channelActorId, serverActor.id ], { contextType: 'Delete' })
}

/**
 * Followers of whom hear about changes: the account, the channel and the server actor (the video's sharers on
 * our side). Remote actors that re-shared it are not listed: their followers are on their own instances.
 */
async function involvedActorIds (video: VideoModel) {
  const serverActor = await getServerActor()
  return [ accountActorOf(video).id, channelActorOf(video).id, serverActor.id ]
}
