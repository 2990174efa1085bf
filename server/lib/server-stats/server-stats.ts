import { sequelize } from '../../initializers/database.js'
import { queryServerStats } from '../../models/server/queries/server-stats-query.js'
import { countVisibleComments } from '../../models/video/queries/video-comment-queries.js'
import { inboxStats } from '../activitypub/process/inbox-stats.js'
import { getServerActor } from '../activitypub/server-actor.js'
import { scrubStats } from '../integrity/scrub-report.js'
import { jobQueue } from '../job-queue/job-queue.js'
import { redundancyStats } from '../redundancy/redundancy-stats.js'

/** PeerTube's /server/stats: content and users, comments, mirrors, the scrub, the inbox and its backlog. */
export async function buildServerStats () {
  const serverActor = await getServerActor()
  return {
    ...await queryServerStats(sequelize(), serverActor.id),
    ...await countVisibleComments(),
    videosRedundancy: await redundancyStats(serverActor.id),
    ...await scrubStats(),
    ...inboxStats(),
    totalActivityPubMessagesWaiting: await jobQueue.countWaiting('activitypub-inbox').catch(() => 0)
  }
}
