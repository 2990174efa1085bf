import type { Meter, ObservableResult } from '@opentelemetry/api'
import { METRICS_STATS_CACHE_MS } from '../../initializers/constants/metrics.js'
import { sequelize } from '../../initializers/database.js'
import { queryServerStats } from '../../models/server/queries/server-stats-query.js'
import { countVisibleComments } from '../../models/video/queries/video-comment-queries.js'
import { inboxStats } from '../activitypub/process/inbox-stats.js'
import { getServerActor } from '../activitypub/server-actor.js'
import { jobQueue } from '../job-queue/job-queue.js'
import { liveManager } from '../live/live-manager.js'
import { redundancyStats } from '../redundancy/redundancy-stats.js'

type Stats = Record<string, number>
interface InstanceStats { counts: Stats, redundancy: { strategy: string, totalSize: number, totalUsed: number }[] }

/**
 * The instance's counts under PeerTube's metric names and labels, so PeerTube dashboards work on Tubeless. All
 * gauges of a scrape share one round of queries (kept METRICS_STATS_CACHE_MS).
 */
export function buildInstanceObservers (meter: Meter) {
  const stats = sharedStats()
  const gauge = (name: string, description: string, observe: (result: ObservableResult, s: Stats, all: InstanceStats) => void) => {
    meter.createObservableGauge(name, { description }).addCallback(async result => {
      const current = await stats().catch(() => undefined)
      // The database being away must not break the whole scrape: these series are just missing from it.
      if (current) observe(result, current.counts, current)
    })
  }

  gauge('peertube_users_total', 'Total users on the instance', (r, s) => r.observe(s.totalUsers))
  gauge('peertube_active_users_total', 'Users who logged in during the interval', (r, s) => {
    r.observe(s.totalDailyActiveUsers, { activeInterval: 'daily' })
    r.observe(s.totalWeeklyActiveUsers, { activeInterval: 'weekly' })
    r.observe(s.totalMonthlyActiveUsers, { activeInterval: 'monthly' })
  })
  gauge('peertube_videos_total', 'Total videos on the instance', (r, s) => {
    r.observe(s.totalLocalVideos, { videoOrigin: 'local' })
    r.observe(s.totalVideos - s.totalLocalVideos, { videoOrigin: 'remote' })
  })
  gauge('peertube_video_views_total', 'Total views of local videos', (r, s) => r.observe(s.totalLocalVideoViews, { viewOrigin: 'local' }))
  gauge('peertube_video_bytes_total', 'Total bytes of local video files', (r, s) => r.observe(s.totalLocalVideoFilesSize, { videoOrigin: 'local' }))
  gauge('peertube_channels_total', 'Total channels on the instance', (r, s) => r.observe(s.totalLocalVideoChannels, { channelOrigin: 'local' }))
  gauge('peertube_comments_total', 'Total comments on the instance', (r, s) => r.observe(s.totalLocalVideoComments, { accountOrigin: 'local' }))
  gauge('peertube_instance_followers_total', 'Instances following this one', (r, s) => r.observe(s.totalInstanceFollowers))
  gauge('peertube_instance_following_total', 'Instances this one follows', (r, s) => r.observe(s.totalInstanceFollowing))

  // Mirrors of other instances' videos we keep, per strategy ('manual' included), as PeerTube's /server/stats.
  gauge('peertube_redundancy_used_bytes_total', 'Bytes of mirrored videos kept, by strategy', (r, _s, all) => {
    for (const entry of all.redundancy) r.observe(entry.totalUsed, { strategy: entry.strategy })
  })
  gauge('peertube_redundancy_available_bytes_total', 'Bytes allowed for mirrored videos, by strategy', (r, _s, all) => {
    for (const entry of all.redundancy) r.observe(entry.totalSize, { strategy: entry.strategy })
  })

  // The inbox: what was processed since the start, by activity type, and the queue still to process.
  gauge('peertube_ap_inbox_success_total', 'Inbox activities processed with success', (r, s) => observeByActivityType(r, s, 'Successes'))
  gauge('peertube_ap_inbox_error_total', 'Inbox activities whose processing failed', (r, s) => observeByActivityType(r, s, 'Errors'))
  gauge('peertube_ap_inbox_waiting_total', 'Inbox activities waiting to be processed', (r, s) => r.observe(s.totalActivityPubMessagesWaiting))

  meter.createObservableGauge('peertube_running_lives_total', { description: 'Lives streaming to this instance now' })
    .addCallback(result => result.observe(liveManager.sessions().length, { liveOrigin: 'local' }))
}

const ACTIVITY_STAT = /^totalActivityPub([A-Za-z]+)Messages(Successes|Errors)$/

function observeByActivityType (result: ObservableResult, stats: Stats, kind: 'Successes' | 'Errors') {
  for (const [ key, value ] of Object.entries(stats)) {
    const match = ACTIVITY_STAT.exec(key)
    if (match && match[2] === kind) result.observe(value, { activityType: match[1] })
  }
}

function sharedStats () {
  let cached: { at: number, value: Promise<InstanceStats> } | undefined
  return () => {
    if (!cached || Date.now() - cached.at > METRICS_STATS_CACHE_MS) {
      const value = loadStats()
      cached = { at: Date.now(), value }
      value.catch(() => { cached = undefined })
    }
    return cached.value
  }
}

async function loadStats (): Promise<InstanceStats> {
  const serverActor = await getServerActor()
  const [ counts, comments, waiting, redundancy ] = await Promise.all([
    queryServerStats(sequelize(), serverActor.id),
    countVisibleComments(),
    jobQueue.countWaiting('activitypub-inbox').catch(() => 0),
    redundancyStats(serverActor.id)
  ])
  return { counts: { ...counts, ...comments, ...inboxStats(), totalActivityPubMessagesWaiting: waiting }, redundancy }
}
