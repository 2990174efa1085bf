import { randomUUID } from 'node:crypto'
import { extname } from 'node:path'
import type { Transaction } from 'sequelize'
import { ActorImageType, type ActorImageTypeValue } from '../../../../shared/models/actor-images.js'
import { ActorImageModel } from '../../../models/actor/actor-image.js'
import type { ActorModel } from '../../../models/actor/actor.js'
import type { RemoteActorImage } from './remote-actor-document.js'

const EXTENSION_BY_MEDIA_TYPE: Record<string, string> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/jpg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp'
}

/**
 * Keeps a remote actor's avatar/banner rows in line with its document: rows point at the origin's URL (fileUrl)
 * and nothing is downloaded here. Rows are replaced only when the set of URLs changed.
 */
export async function syncRemoteActorImages (actor: ActorModel, icons: RemoteActorImage[], banners: RemoteActorImage[], transaction: Transaction) {
  await syncType(actor, ActorImageType.AVATAR, icons, transaction)
  await syncType(actor, ActorImageType.BANNER, banners, transaction)
}

async function syncType (actor: ActorModel, type: ActorImageTypeValue, images: RemoteActorImage[], transaction: Transaction) {
  const existing = await ActorImageModel.listByActor(actor.id, type, transaction)
  const wanted = images.map(i => i.url).sort().join('\n')
  if (existing.map(i => i.fileUrl ?? '').sort().join('\n') === wanted) return

  await ActorImageModel.deleteByActor(actor.id, type, transaction)
  for (const image of images) {
    await ActorImageModel.create({
      filename: randomUUID() + extensionOf(image),
      width: image.width ?? 0,
      height: image.height ?? 0,
      fileUrl: image.url,
      onDisk: false,
      type,
      actorId: actor.id
    }, { transaction })
  }
}

function extensionOf (image: RemoteActorImage) {
  const fromType = image.mediaType ? EXTENSION_BY_MEDIA_TYPE[image.mediaType.toLowerCase()] : undefined
  if (fromType) return fromType
  const fromUrl = extname(new URL(image.url).pathname).toLowerCase()
  return Object.values(EXTENSION_BY_MEDIA_TYPE).includes(fromUrl) ? fromUrl : '.jpg'
}
