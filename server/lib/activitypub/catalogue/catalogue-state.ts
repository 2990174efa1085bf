import type { VideoChannelModel } from '../../../models/account/video-channel.js'
import { ActorOutboxSyncModel } from '../../../models/actor/actor-outbox-sync.js'
import { VideoModel } from '../../../models/video/video.js'

/**
 * How complete our copy of a remote channel's catalogue is: what its outbox announced, what we read of it and
 * the videos we have, so a viewer sees "240 of 1,203 videos, syncing" instead of a silently partial channel.
 */
export async function describeCatalogueSync (channel: VideoChannelModel) {
  const [ sync, videosCount ] = await Promise.all([
    ActorOutboxSyncModel.loadByActor(channel.actorId as number),
    VideoModel.count({ where: { channelId: channel.id } })
  ])
  const isLocal = channel.Actor?.isLocal() ?? false

  return {
    isLocal,
    /** null: never read (a local channel, or a remote one nobody here follows). */
    state: isLocal ? null : sync?.state ?? null,
    totalItems: sync?.totalItems ?? (isLocal ? videosCount : null),
    processedItems: sync?.processedItems ?? 0,
    pagesRead: sync?.pagesRead ?? 0,
    videosCount,
    startedAt: sync?.startedAt ?? null,
    finishedAt: sync?.finishedAt ?? null,
    lastError: sync?.lastError ?? null
  }
}
