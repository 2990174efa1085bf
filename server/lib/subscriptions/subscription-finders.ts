import { listSubscribedChannels, loadSubscribedChannel } from '../../models/actor/queries/subscriptions-query.js'
import { listVideos, type VideoListFilters } from '../../models/video/queries/video-list-query.js'

// A user's subscriptions (its account's follows of channels) and what they show.

export function listSubscriptions (followerActorId: number, options: Parameters<typeof listSubscribedChannels>[1]) {
  return listSubscribedChannels(followerActorId, options)
}

/** The channel, when this actor follows it; null otherwise. */
export function loadSubscription (followerActorId: number, channelActorId: number) {
  return loadSubscribedChannel(followerActorId, channelActorId)
}

/** The videos of the subscribed channels (the filters carry `subscribedByActorId`). */
export function listSubscriptionVideos (filters: VideoListFilters) {
  return listVideos(filters)
}
