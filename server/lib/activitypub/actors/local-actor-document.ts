import { extname } from 'node:path'
import { ActorImageType } from '../../../../shared/models/actor-images.js'
import { buildActivityPubContext } from '../../../helpers/activitypub/index.js'
import { WEBSERVER } from '../../../initializers/config/index.js'
import { ActorImageModel } from '../../../models/actor/actor-image.js'
import type { ActorModel } from '../../../models/actor/actor.js'
import { loadAccountByActorId, loadChannelByActorId } from '../../../models/actor/queries/actor-queries.js'
import { localSharedInboxUrl } from '../local-urls.js'

const IMAGE_MEDIA_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp'
}

/**
 * The ActivityPub document of one of our actors: Person (account), Group (channel) or Application (the server
 * actor), member for member what PeerTube 6.3 serves. Undefined when the actor has neither account nor channel.
 */
export async function buildLocalActorDocument (actor: ActorModel) {
  const [ account, channel, images ] = await Promise.all([
    actor.type === 'Group' ? undefined : loadAccountByActorId(actor.id),
    actor.type === 'Group' ? loadChannelByActorId(actor.id) : undefined,
    ActorImageModel.listByActors([ actor.id ])
  ])
  if (!account && !channel) return undefined

  const avatars = images.filter(i => i.type === ActorImageType.AVATAR)
  const banners = images.filter(i => i.type === ActorImageType.BANNER)

  const document: Record<string, unknown> = {
    '@context': buildActivityPubContext('Actor'),
    type: actor.type,
    id: actor.url,
    following: actor.followingUrl,
    followers: actor.followersUrl,
    playlists: `${actor.url}/playlists`,
    inbox: actor.inboxUrl,
    outbox: actor.outboxUrl,
    preferredUsername: actor.preferredUsername,
    url: actor.url,
    name: channel ? channel.name : account!.name,
    endpoints: { sharedInbox: actor.sharedInboxUrl ?? localSharedInboxUrl() },
    publicKey: {
      id: `${actor.url}#main-key`,
      owner: actor.url,
      publicKeyPem: actor.publicKey
    },
    published: actor.createdAt.toISOString()
  }
  if (avatars.length !== 0) document.icon = avatars.map(imageObject)
  if (banners.length !== 0) document.image = banners.map(imageObject)

  if (channel) {
    document.summary = channel.description ?? null
    document.support = channel.support ?? null
    // PeerTube channels only take posts from their owner (Lemmy reads this).
    document.postingRestrictedToMods = true
    document.attributedTo = [ { type: 'Person', id: channel.Account!.Actor!.url } ]
  } else {
    document.summary = account!.description ?? null
  }

  return document
}

function imageObject (image: ActorImageModel) {
  return {
    type: 'Image',
    mediaType: IMAGE_MEDIA_TYPES[extname(image.filename).toLowerCase()] ?? 'image/jpeg',
    height: image.height,
    width: image.width,
    url: image.fileUrl ?? WEBSERVER.URL + image.getStaticPath()
  }
}
