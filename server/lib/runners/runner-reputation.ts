import { loggerWithTags } from '../../helpers/logger.js'
import { CONFIG } from '../../initializers/config/index.js'
import { RunnerModel } from '../../models/runner/runner.js'
import { releaseJobsOf } from './runner-registration.js'

const log = loggerWithTags('runners')

/**
 * Records whether a runner's output was accepted, in the caller's unit of work. Refused outputs in a row count up;
 * at `remote_runners.verification.disable_after_failures` the runner is disabled (it gets 403 until an administrator
 * enables it) and the jobs it still holds go to others. An accepted output clears the count.
 */
export async function recordVerdict (runner: RunnerModel, accepted: boolean, reason?: string) {
  const fresh = await RunnerModel.findByPk(runner.id, { lock: true })
  if (!fresh) return
  if (accepted) {
    if (fresh.verificationFailures !== 0) {
      fresh.verificationFailures = 0
      await fresh.save()
    }
    return
  }
  fresh.verificationFailures += 1
  const limit = CONFIG.remote_runners.verification.disable_after_failures
  if (fresh.verificationFailures >= limit && !fresh.disabledReason) {
    fresh.disabledReason = `${fresh.verificationFailures} outputs in a row failed verification (last: ${reason ?? 'unknown'})`.slice(0, 1000)
    log.warn(`Runner ${fresh.name} disabled: ${fresh.disabledReason}`)
    await fresh.save()
    await releaseJobsOf(fresh, 'Its runner was disabled')
    return
  }
  await fresh.save()
}
