import { literal, Op } from 'sequelize'
import { VideoPrivacy } from '../../../../shared/models/videos.js'
import { findVideos } from '../../video/queries/video-finders.js'
import { VideoModel } from '../../video/video.js'
import { UserVideoHistoryModel } from '../user-video-history.js'

/**
 * A user's history, last watched first: videos they can still see (public, unlisted, internal, or their own), with
 * where they stopped. `search` matches the video's name.
 */
export async function listHistoryForApi (userId: number, accountId: number, options: { start: number, count: number, search?: string }) {
  const visible = {
    [Op.or]: [
      { privacy: { [Op.in]: [ VideoPrivacy.PUBLIC, VideoPrivacy.UNLISTED, VideoPrivacy.INTERNAL ] } },
      literal(`"Video"."channelId" IN (SELECT "id" FROM "videoChannel" WHERE "accountId" = ${Number(accountId)})`)
    ]
  }
  const videoWhere = options.search
    ? { [Op.and]: [ visible, { name: { [Op.iLike]: `%${options.search.replace(/[\\%_]/g, c => '\\' + c)}%` } } ] }
    : visible

  const { rows, count } = await UserVideoHistoryModel.findAndCountAll({
    where: { userId },
    include: [ { model: VideoModel, required: true, where: videoWhere, attributes: [ 'id' ] } ],
    order: [ [ 'updatedAt', 'DESC' ], [ 'id', 'DESC' ] ],
    offset: options.start,
    limit: options.count
  })

  const ids = rows.map(row => row.videoId as number)
  const videos = ids.length === 0 ? [] : await findVideos({ id: { [Op.in]: ids } }, 'summary')
  const byId = new Map(videos.map(v => [ v.id, v ]))
  return {
    total: count,
    data: rows.filter(row => byId.has(row.videoId as number)).map(row => ({ video: byId.get(row.videoId as number)!, currentTime: row.currentTime }))
  }
}
