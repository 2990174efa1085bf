import type { Meter } from '@opentelemetry/api'
import { jobQueue } from '../job-queue/job-queue.js'

/** PeerTube's peertube_job_queue_total: jobs by type and state (waiting, active, delayed, failed, completed). */
export function buildJobQueueObservers (meter: Meter) {
  meter.createObservableGauge('peertube_job_queue_total', { description: 'Jobs in the job queue, by type and state' })
    .addCallback(async result => {
      // Redis being away leaves these series out of the scrape rather than failing it.
      const queues = await jobQueue.countByTypeAndState().catch(() => [])
      for (const { type, counts } of queues) {
        for (const [ state, count ] of Object.entries(counts)) result.observe(count, { jobType: type, state })
      }
    })
}
