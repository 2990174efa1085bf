import { ActorImageType } from '../../shared/models/actor-images.js'
import { toShortUuid } from '../helpers/uuid.js'
import { WEBSERVER } from '../initializers/config/index.js'
import { actorHost } from '../models/account/formatters/account-formatter.js'
import type { AccountModel } from '../models/account/account.js'
import type { VideoChannelModel } from '../models/account/video-channel.js'
import type { ActorModel } from '../models/actor/actor.js'
import type { VideoModel } from '../models/video/video.js'

// Pages of our web client that feeds, link previews, OEmbed and the sitemap point at.

function handleOf (actor: ActorModel) {
  return actor.isLocal() ? actor.preferredUsername : `${actor.preferredUsername}@${actorHost(actor)}`
}

export function videoWatchUrl (video: Pick<VideoModel, 'uuid'>) {
  return `${WEBSERVER.URL}/w/${toShortUuid(video.uuid)}`
}

export function videoEmbedUrl (video: Pick<VideoModel, 'uuid'>) {
  return `${WEBSERVER.URL}/videos/embed/${video.uuid}`
}

export function channelClientUrl (channel: VideoChannelModel) {
  return `${WEBSERVER.URL}/c/${handleOf(channel.Actor!)}`
}

export function accountClientUrl (account: AccountModel) {
  return `${WEBSERVER.URL}/a/${handleOf(account.Actor!)}`
}

/** The largest avatar of an actor, as an absolute URL (remote ones are served by our lazy cache). */
export function actorAvatarUrl (actor: ActorModel | undefined) {
  const avatars = (actor?.ActorImages ?? []).filter(image => image.type === ActorImageType.AVATAR).sort((a, b) => b.width - a.width)
  return avatars[0] ? WEBSERVER.URL + avatars[0].getStaticPath() : undefined
}
