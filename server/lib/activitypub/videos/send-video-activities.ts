import { VideoPrivacy, VideoState } from '../../../../shared/models/videos.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import type { ActorModel } from '../../../models/actor/actor.js'
import { detailsIncludes } from '../../../models/video/queries/video-includes.js'
import { VideoShareModel } from '../../../models/video/video-share.js'
import { VideoModel } from '../../../models/video/video.js'
import type { OutgoingActivity } from '../activity-types.js'
import { sendToFollowers } from '../send/recipients.js'
import { getServerActor } from '../server-actor.js'
import { getAudienceFromFollowersOf, getVideoAudience } from './audience.js'
import { accountActorOf, buildVideoObject, channelActorOf } from './build-video-object.js'
import {
  videoAnnounceActivityUrl, videoCreateActivityUrl, videoDeleteActivityUrl, videoUpdateActivityUrl
} from './video-activity-urls.js'

const log = loggerWithTags('activitypub', 'videos')

/** Public and unlisted videos federate once published (PeerTube also federates unlisted ones). */
export function canVideoBeFederated (video: Pick<VideoModel, 'privacy' | 'state' | 'remote'>) {
  return !video.remote &&
    (video.privacy === VideoPrivacy.PUBLIC || video.privacy === VideoPrivacy.UNLISTED) &&
    video.state === VideoState.PUBLISHED
}

export async function loadVideoForFederation (videoId: number) {
  return VideoModel.findByPk(videoId, { include: detailsIncludes() })
}

/**
 * Tells remote instances about a local video, as PeerTube: the first time (no share by the server actor yet),
 * a Create by the account to its followers, then an Announce by the channel and one by the server actor, so
 * channel subscribers and following instances get it; afterwards an Update to the followers of all three.
 */
export async function federateVideo (video: VideoModel) {
  if (!canVideoBeFederated(video)) return
  const serverActor = await getServerActor()

  if (await VideoShareModel.isSharedBy(serverActor.id, video.id)) {
    await sendUpdateVideo(video)
    return
  }

  await sendCreateVideo(video)
  await sendVideoAnnounce(channelActorOf(video), video)
  await sendVideoAnnounce(serverActor, video)
}

/** The video left the public and unlisted audiences: remotes delete their copy; a later publication is new. */
export async function unfederateVideo (video: VideoModel) {
  const serverActor = await getServerActor()
  if (!await VideoShareModel.isSharedBy(serverActor.id, video.id)) return

  await sendDeleteVideo(snapshotForDelete(video))
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

/** What a Delete needs, taken from the loaded video before its rows go. */
export interface VideoDeleteSnapshot {
  url: string
  privacy: VideoModel['privacy']
  accountActor: ActorModel
  channelActorId: number
}

export function snapshotForDelete (video: VideoModel): VideoDeleteSnapshot {
  return { url: video.url, privacy: video.privacy, accountActor: accountActorOf(video), channelActorId: channelActorOf(video).id }
}

export async function sendDeleteVideo (snapshot: VideoDeleteSnapshot) {
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
