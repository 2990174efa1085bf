import { Op, type WhereOptions } from 'sequelize'
import { containsPattern } from '../../../helpers/sql-like.js'
import type { VideoBlockTypeId } from '../../../../shared/models/client-moderation.js'
import { channelWithOwnerInclude } from '../../video/queries/video-includes.js'
import { ThumbnailModel } from '../../video/thumbnail.js'
import { VideoModel } from '../../video/video.js'
import { VideoBlacklistModel } from '../video-blacklist.js'
import type { VideoBlockWithVideo } from '../moderation-loaded.js'

const VIDEO_COLUMNS = [ 'name', 'duration', 'views', 'likes', 'dislikes', 'uuid' ]

/** GET /videos/blacklist: blocks with their videos, by type and a search on the video's name. */
export async function listVideoBlocks (options: { start: number, count: number, sort: string, type?: VideoBlockTypeId, search?: string }) {
  const where: WhereOptions<VideoBlacklistModel> = {}
  if (options.type !== undefined) Object.assign(where, { type: options.type })

  const videoWhere = options.search
    ? { name: { [Op.iLike]: containsPattern(options.search) } }
    : undefined

  const direction = options.sort.startsWith('-') ? 'DESC' : 'ASC'
  const column = options.sort.replace(/^-/, '')
  const order = VIDEO_COLUMNS.includes(column)
    ? [ [ VideoModel, column, direction ], [ 'id', 'ASC' ] ]
    : [ [ column === 'createdAt' ? 'createdAt' : 'id', direction ], [ 'id', 'ASC' ] ]

  const { rows, count } = await VideoBlacklistModel.findAndCountAll({
    where,
    include: [ { model: VideoModel, required: true, where: videoWhere, include: [ channelWithOwnerInclude(), { model: ThumbnailModel, required: false } ] } ],
    order: order as never,
    offset: options.start,
    limit: options.count,
    distinct: true
  })
  // The include above loads what formatVideo needs: the channel with its owner, and the thumbnails.
  return { total: count, data: rows as VideoBlockWithVideo[] }
}
