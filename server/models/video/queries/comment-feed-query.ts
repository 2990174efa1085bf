import { Op, QueryTypes } from 'sequelize'
import { VideoPrivacy, VideoState } from '../../../../shared/models/videos.js'
import { AccountModel } from '../../account/account.js'
import { VideoChannelModel } from '../../account/video-channel.js'
import { notMutedAccountSql } from '../../moderation/queries/video-moderation-filters.js'
import { VideoCommentModel } from '../video-comment.js'
import { VideoModel } from '../video.js'

export interface CommentFeedFilters {
  count: number
  videoId?: number
  accountId?: number
  channelId?: number
  /** Authors muted by these accounts (the instance's) are left out, as on the public pages. */
  mutedByAccountIds: number[]
}

/**
 * The newest comments anyone may read: not deleted, not held for review, on a public published video that is not
 * blocked. Loaded with their author and their video (with its channel), for feed items.
 */
export async function listCommentsForFeed (filters: CommentFeedFilters) {
  const where = [
    'c."deletedAt" IS NULL', 'c."heldForReview" = false', 'c."accountId" IS NOT NULL',
    'v.privacy = :public', 'v.state = :published',
    'NOT EXISTS (SELECT 1 FROM "videoBlacklist" vb WHERE vb."videoId" = v.id)',
    notMutedAccountSql('c."accountId"', filters.mutedByAccountIds)
  ]
  const replacements: Record<string, unknown> = { public: VideoPrivacy.PUBLIC, published: VideoState.PUBLISHED, count: filters.count }
  if (filters.videoId !== undefined) { where.push('v.id = :videoId'); replacements.videoId = filters.videoId }
  if (filters.channelId !== undefined) { where.push('v."channelId" = :channelId'); replacements.channelId = filters.channelId }
  if (filters.accountId !== undefined) { where.push('ch."accountId" = :accountId'); replacements.accountId = filters.accountId }

  const rows = await VideoCommentModel.sequelize!.query<{ id: number }>(`
    SELECT c.id FROM "videoComment" c
    JOIN video v ON v.id = c."videoId"
    JOIN "videoChannel" ch ON ch.id = v."channelId"
    WHERE ${where.join(' AND ')}
    ORDER BY c."createdAt" DESC, c.id DESC
    LIMIT :count`, { type: QueryTypes.SELECT, replacements })

  const ids = rows.map(r => r.id)
  if (ids.length === 0) return []
  const models = await VideoCommentModel.findAll({
    where: { id: { [Op.in]: ids } },
    include: [
      { model: AccountModel, required: true, include: [ AccountModel.withActor() ] },
      { model: VideoModel, required: true, include: [ { model: VideoChannelModel, required: true, include: VideoChannelModel.fullInclude() } ] }
    ]
  })
  const byId = new Map(models.map(m => [ m.id, m ]))
  return ids.map(id => byId.get(id)).filter((m): m is VideoCommentModel => m !== undefined)
}
