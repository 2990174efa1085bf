import type { VideoRateType } from '../../../../shared/models/video-comments.js'

// Ids of our accounts' Like and Dislike activities, at PeerTube's paths (the video's id on our side).

export function localRateActivityUrl (byActor: { url: string }, video: { id: number }, type: VideoRateType) {
  return `${byActor.url}/${type === 'like' ? 'likes' : 'dislikes'}/${video.id}`
}
