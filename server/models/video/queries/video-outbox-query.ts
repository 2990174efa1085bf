import { literal, Op } from 'sequelize'
import { VideoPrivacy, VideoState } from '../../../../shared/models/videos.js'
import { VideoModel } from '../video.js'
import { detailsIncludes } from './video-includes.js'

/**
 * What an actor's outbox lists: our public, published videos that it published (an account: its channels'
 * videos) or announced (a channel, the server actor), newest first, loaded for the Video object.
 */
export async function listVideosForOutbox (actorId: number, start: number, count: number) {
  const id = Number(actorId)
  const where = {
    [Op.and]: [
      { remote: false, privacy: VideoPrivacy.PUBLIC, state: VideoState.PUBLISHED },
      literal(
        `("Video"."channelId" IN (SELECT c.id FROM "videoChannel" c JOIN account a ON a.id = c."accountId" WHERE a."actorId" = ${id}) ` +
        `OR "Video"."id" IN (SELECT s."videoId" FROM "videoShare" s WHERE s."actorId" = ${id}))`
      ),
      // Blocked with `unfederate` (or auto-blocked, waiting for review): not for remote instances.
      literal('NOT EXISTS (SELECT 1 FROM "videoBlacklist" vb WHERE vb."videoId" = "Video"."id" AND vb.unfederated)')
    ]
  }

  const { rows: page, count: total } = await VideoModel.findAndCountAll({
    attributes: [ 'id' ],
    where,
    order: [ [ 'publishedAt', 'DESC' ], [ 'id', 'DESC' ] ],
    offset: start,
    limit: count
  })

  const ids = page.map(v => v.id)
  const loaded = ids.length === 0 ? [] : await VideoModel.findAll({ where: { id: { [Op.in]: ids } }, include: detailsIncludes() })
  const byId = new Map(loaded.map(v => [ v.id, v ]))
  return { total, data: ids.map(videoId => byId.get(videoId)).filter((v): v is VideoModel => v !== undefined) }
}
