import type { Migration } from '../migrator.js'
import { ensureFollowedChannels } from '../../models/actor/queries/followed-channels-sql.js'

/**
 * Public lists at scale: the channels each local actor's follows reach ("followedChannel", kept by triggers on
 * "actorFollow" and "videoChannel"), filled from the follows there, so the followed-only condition of public lists
 * is one index range per query instead of a join of every channel with every follow.
 */
export const up: Migration['up'] = async ({ sequelize }) => {
  await ensureFollowedChannels(sequelize)
}
