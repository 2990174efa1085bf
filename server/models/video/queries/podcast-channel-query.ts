import { QueryTypes } from 'sequelize'
import { VideoPrivacy, VideoState } from '../../../../shared/models/videos.js'
import { VideoModel } from '../video.js'

/** A channel's most used language and category among its public videos, and whether any is NSFW (podcast tags). */
export async function channelPodcastTraits (channelId: number) {
  const sequelize = VideoModel.sequelize!
  const replacements = { channelId, public: VideoPrivacy.PUBLIC, published: VideoState.PUBLISHED }
  const visible = 'v."channelId" = :channelId AND v.privacy = :public AND v.state = :published'
  const mostUsed = async (column: 'language' | 'category') => {
    const [ row ] = await sequelize.query<{ value: string | number | null }>(
      `SELECT v."${column}" AS value FROM video v WHERE ${visible} AND v."${column}" IS NOT NULL
       GROUP BY v."${column}" ORDER BY count(*) DESC, v."${column}" LIMIT 1`,
      { type: QueryTypes.SELECT, replacements }
    )
    return row?.value ?? null
  }
  const [ nsfw ] = await sequelize.query<{ any: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM video v WHERE ${visible} AND v.nsfw) AS any`, { type: QueryTypes.SELECT, replacements }
  )
  return {
    language: await mostUsed('language') as string | null,
    category: await mostUsed('category') as number | null,
    hasNsfw: nsfw?.any ?? false
  }
}
