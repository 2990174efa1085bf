import { CONFIG } from '../../initializers/config/index.js'
import { redundancyUsage } from '../../models/redundancy/queries/redundancy-queries.js'

/** PeerTube's `videosRedundancy` of /server/stats: per configured strategy (and manual), its size and use. */
export async function redundancyStats (serverActorId: number) {
  const strategies = [ ...CONFIG.redundancy.videos.strategies.map(s => ({ strategy: s.strategy as string, size: s.size })), { strategy: 'manual', size: 0 } ]
  return Promise.all(strategies.map(async s => ({ strategy: s.strategy, totalSize: s.size, ...await redundancyUsage(s.strategy, serverActorId) })))
}
