import { WEBSERVER } from '../../../initializers/config/index.js'
import { VideoModel } from '../../../models/video/video.js'
import { getObjectId, isObject, type OutgoingActivity } from '../../activitypub/activity-types.js'
import { isSameOrigin, urlHost } from '../../activitypub/ownership.js'
import type { ActivityContext } from '../../activitypub/process/activity-context.js'
import { sendActivity } from '../../activitypub/send/send-activity.js'
import { getServerActor } from '../../activitypub/server-actor.js'
import { accountActorOf } from '../../activitypub/videos/build-video-object.js'
import { recordLiveRelay } from './relay-registry.js'

// A relay tells the origin it serves one of its lives with PeerTube's redundancy announce: a Create of a
// CacheFile (object: the video, url: the relay's playlist, expires), by the relay's server actor.

export async function sendRelayAnnounce (video: VideoModel, relayPlaylistUrl: string, expires: Date) {
  const serverActor = await getServerActor()
  const origin = accountActorOf(video)
  const cacheFileId = `${WEBSERVER.URL}/redundancy/streaming-playlists/hls/${video.uuid}`
  const activity: OutgoingActivity = {
    type: 'Create',
    id: `${cacheFileId}/activity/${expires.getTime()}`,
    actor: serverActor.url,
    to: [ origin.url ],
    object: {
      id: cacheFileId,
      type: 'CacheFile',
      object: video.url,
      expires: expires.toISOString(),
      url: { type: 'Link', mediaType: 'application/x-mpegURL', href: relayPlaylistUrl }
    }
  }
  await sendActivity(activity, { byActor: serverActor, toInboxes: [ origin.sharedInboxUrl ?? origin.inboxUrl ], contextType: 'CacheFile' })
}

/** On the origin: a relay of one of our lives announced itself (its playlist must be on its own host). */
export async function processRelayAnnounce ({ activity, byActor }: ActivityContext) {
  const object = activity.object
  if (!isObject(object) || object.type !== 'CacheFile') return false
  const videoUrl = getObjectId(object.object)
  const video = videoUrl ? await VideoModel.loadByUrl(videoUrl) : null
  // A CacheFile of anything but one of our lives is a mirror of a video: the redundancy module's (registered after).
  if (!video || video.remote || !video.isLive) return false

  const link = isObject(object.url) ? object.url : undefined
  const href = typeof link?.href === 'string' ? link.href : undefined
  const expires = typeof object.expires === 'string' ? new Date(object.expires) : undefined
  if (!href || !expires || Number.isNaN(expires.getTime())) return true
  if (!isSameOrigin(href, byActor.url)) return true
  const host = urlHost(href)
  if (host) recordLiveRelay(video.id, { host, playlistUrl: href, expiresAt: expires.toISOString() })
  return true
}
