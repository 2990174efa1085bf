import { readdir } from 'node:fs/promises'
import { constants, monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks'
import type { Meter } from '@opentelemetry/api'
import { GC_DURATION_BUCKETS_S } from '../../initializers/constants/metrics.js'

const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb'
}

/**
 * The process's health under the names PeerTube (and prom-client) use: CPU, memory, event loop lag, handles,
 * file descriptors, garbage collection. Returns what must be stopped with the meter.
 */
export function buildNodeJsObservers (meter: Meter) {
  const cpuTotal = meter.createObservableCounter('process_cpu_seconds_total', { description: 'User and system CPU time spent, in seconds' })
  const cpuUser = meter.createObservableCounter('process_cpu_user_seconds_total', { description: 'User CPU time spent, in seconds' })
  const cpuSystem = meter.createObservableCounter('process_cpu_system_seconds_total', { description: 'System CPU time spent, in seconds' })
  meter.addBatchObservableCallback(result => {
    const usage = process.cpuUsage()
    result.observe(cpuTotal, (usage.user + usage.system) / 1e6)
    result.observe(cpuUser, usage.user / 1e6)
    result.observe(cpuSystem, usage.system / 1e6)
  }, [ cpuTotal, cpuUser, cpuSystem ])

  const startTime = Math.round(Date.now() / 1000 - process.uptime())
  meter.createObservableGauge('process_start_time_seconds', { description: 'Start time of the process since the Unix epoch, in seconds' })
    .addCallback(result => result.observe(startTime))

  meter.createObservableGauge('nodejs_memory_usage_bytes', { description: 'Memory of the process, by type' }).addCallback(result => {
    const memory = process.memoryUsage()
    for (const type of [ 'heapTotal', 'heapUsed', 'arrayBuffers', 'external', 'rss' ] as const) result.observe(memory[type], { memoryType: type })
  })

  meter.createObservableGauge('process_open_fds', { description: 'Open file descriptors' }).addCallback(async result => {
    // Linux only; elsewhere the series is simply absent.
    const fds = await readdir('/proc/self/fd').catch(() => undefined)
    if (fds) result.observe(fds.length - 1)
  })

  meter.createObservableGauge('nodejs_active_resources_total', { description: 'Resources keeping the event loop alive (sockets, timers, file handles)' })
    .addCallback(result => result.observe(process.getActiveResourcesInfo().length))

  // Sampled continuously (cheap, in libuv) rather than with one setImmediate per scrape: a scrape sees the worst lag
  // since the previous one, not only whether the loop was free at that instant.
  const delay = monitorEventLoopDelay({ resolution: 20 })
  delay.enable()
  const lag = meter.createObservableGauge('nodejs_eventloop_lag_seconds', { description: 'Event loop delay, mean since the last scrape, in seconds' })
  const lagMax = meter.createObservableGauge('nodejs_eventloop_lag_max_seconds', { description: 'Event loop delay, worst since the last scrape, in seconds' })
  meter.addBatchObservableCallback(result => {
    if (delay.count !== 0) {
      result.observe(lag, delay.mean / 1e9)
      result.observe(lagMax, delay.max / 1e9)
    }
    delay.reset()
  }, [ lag, lagMax ])

  const gcDuration = meter.createHistogram('nodejs_gc_duration_seconds', {
    description: 'Garbage collection pauses by kind (major, minor, incremental, weakcb), in seconds',
    advice: { explicitBucketBoundaries: GC_DURATION_BUCKETS_S }
  })
  const gc = new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      const detail = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail
      const kind = GC_KINDS[detail?.kind ?? -1] ?? 'other'
      gcDuration.record(entry.duration / 1000, { kind })
    }
  })
  gc.observe({ entryTypes: [ 'gc' ] })

  return () => {
    gc.disconnect()
    delay.disable()
  }
}
