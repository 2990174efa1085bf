import { Op } from 'sequelize'
import { loggerWithTags } from '../../helpers/logger.js'
import { CONFIG } from '../../initializers/config/index.js'
import { VideoRedundancyModel } from '../../models/redundancy/video-redundancy.js'
import { findRedundancyCandidates, redundancyUsage } from '../../models/redundancy/queries/redundancy-queries.js'
import { getServerActor } from '../activitypub/server-actor.js'
import { jobQueue } from '../job-queue/job-queue.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { removeVideoRedundancy } from './remove-redundancy.js'

const log = loggerWithTags('redundancy')

/**
 * videos-redundancy-scheduler (every `redundancy.videos.check_interval`): for each strategy, the next video it
 * picks gets a video-redundancy job when it fits in the strategy's size; our mirrors past their lifetime are kept
 * for another `min_lifetime` while their strategy still exists and fits, dropped (Undo CacheFile) otherwise;
 * other instances' expired mirrors are forgotten.
 */
export async function processRedundancyScheduler () {
  const serverActor = await getServerActor()
  let queued = 0
  for (const strategy of CONFIG.redundancy.videos.strategies) {
    const { totalUsed } = await redundancyUsage(strategy.strategy, serverActor.id)
    const candidates = await findRedundancyCandidates({ strategy: strategy.strategy, serverActorId: serverActor.id, minViews: strategy.min_views, limit: 5 })
    const next = candidates.find(c => totalUsed + c.size <= strategy.size)
    if (!next) continue
    await unitOfWork(async () => {
      const id = await jobQueue.createJob('video-redundancy', {
        videoId: next.id,
        strategy: strategy.strategy,
        expiresOn: new Date(Date.now() + strategy.min_lifetime).toISOString()
      }, { dedupKey: `video-redundancy:${next.id}` })
      if (id) queued++
    })
  }

  const expired = await VideoRedundancyModel.findAll({ where: { expiresOn: { [Op.lt]: new Date() } } })
  let extended = 0
  let removed = 0
  for (const redundancy of expired) {
    const strategy = CONFIG.redundancy.videos.strategies.find(s => s.strategy === redundancy.strategy)
    if (redundancy.actorId === serverActor.id && strategy && (await redundancyUsage(strategy.strategy, serverActor.id)).totalUsed <= strategy.size) {
      redundancy.expiresOn = new Date(Date.now() + strategy.min_lifetime)
      await redundancy.save()
      extended++
      continue
    }
    await removeVideoRedundancy(redundancy)
    removed++
  }
  if (queued + removed !== 0) log.info(`Redundancy: ${queued} video(s) to mirror, ${extended} mirror(s) extended, ${removed} removed`)
  return { queued, extended, removed }
}
