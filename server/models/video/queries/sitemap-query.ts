import { literal, Op } from 'sequelize'
import { VideoPrivacy, VideoState } from '../../../../shared/models/videos.js'
import { AccountModel } from '../../account/account.js'
import { VideoChannelModel } from '../../account/video-channel.js'
import { ActorModel } from '../../actor/actor.js'
import { ThumbnailModel } from '../thumbnail.js'
import { VideoModel } from '../video.js'

/** A sitemap holds at most 50,000 URLs (sitemaps.org). */
const SITEMAP_MAX_URLS = 50_000

/** Local public published videos that are not blocked, newest first, with their thumbnails. */
export async function listSitemapVideos () {
  return VideoModel.findAll({
    where: {
      remote: false,
      privacy: VideoPrivacy.PUBLIC,
      state: VideoState.PUBLISHED,
      [Op.and]: [ literal('NOT EXISTS (SELECT 1 FROM "videoBlacklist" vb WHERE vb."videoId" = "Video"."id")') ]
    },
    include: [ { model: ThumbnailModel, required: false } ],
    order: [ [ 'publishedAt', 'DESC' ] ],
    limit: SITEMAP_MAX_URLS / 2
  })
}

/** Local channels, and the local accounts of users (not the instance's own). */
export async function listSitemapActors () {
  const localActor = { model: ActorModel, required: true, where: { serverId: null } }
  const [ channels, accounts ] = await Promise.all([
    VideoChannelModel.findAll({ include: [ localActor ], order: [ [ 'id', 'ASC' ] ], limit: SITEMAP_MAX_URLS / 4 }),
    AccountModel.findAll({ where: { userId: { [Op.ne]: null } }, include: [ localActor ], order: [ [ 'id', 'ASC' ] ], limit: SITEMAP_MAX_URLS / 4 })
  ])
  return { channels, accounts }
}
