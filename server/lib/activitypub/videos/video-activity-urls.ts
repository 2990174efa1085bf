import type { ActorModel } from '../../../models/actor/actor.js'

// Ids of the activities and collections of a local video, at PeerTube's paths (peers treat them as opaque, but
// PeerTube derives them the same way, so logs and collections read alike on both sides).

type VideoUrl = { url: string }

export function videoCreateActivityUrl (video: VideoUrl) {
  return `${video.url}/activity`
}

export function videoAnnounceActivityUrl (video: VideoUrl, byActor: Pick<ActorModel, 'id'>) {
  return `${video.url}/announces/${byActor.id}`
}

export function videoUpdateActivityUrl (video: VideoUrl, updatedAt: Date) {
  return `${video.url}/updates/${updatedAt.toISOString()}`
}

export function videoDeleteActivityUrl (video: VideoUrl) {
  return `${video.url}/delete`
}

export function videoCollectionUrls (video: VideoUrl) {
  return {
    likes: `${video.url}/likes`,
    dislikes: `${video.url}/dislikes`,
    shares: `${video.url}/announces`,
    comments: `${video.url}/comments`,
    hasParts: `${video.url}/chapters`
  }
}
