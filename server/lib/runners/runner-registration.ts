import { loggerWithTags } from '../../helpers/logger.js'
import { RUNNER_JOBS } from '../../initializers/constants/runners.js'
import { RunnerRegistrationTokenModel } from '../../models/runner/runner-registration-token.js'
import { RunnerModel } from '../../models/runner/runner.js'
import { RunnerJobModel } from '../../models/runner/runner-job.js'
import { RunnerJobState } from '../../../shared/models/runners.js'
import { badRequest, forbidden, notFound, unauthorized } from '../http-problems/http-problem.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { generateRegistrationToken, generateRunnerToken, hashToken } from './runner-tokens.js'
import { RUNNER_PROBLEM } from './runner-problems.js'
import { putBackInQueue } from './runner-job-states.js'

const log = loggerWithTags('runners')

export async function createRegistrationToken () {
  return RunnerRegistrationTokenModel.create({ registrationToken: generateRegistrationToken() })
}

/** Runners registered with the token go with it; the jobs they held go back to the queue. */
export async function deleteRegistrationToken (id: number) {
  await unitOfWork(async () => {
    const token = await RunnerRegistrationTokenModel.findByPk(id, { lock: true })
    if (!token) throw notFound('Unknown registration token')
    const runners = await RunnerModel.findAll({ where: { runnerRegistrationTokenId: id } })
    for (const runner of runners) await releaseJobsOf(runner, 'Its registration token was deleted')
    await token.destroy()
  })
}

export async function registerRunner (options: { registrationToken: string, name: string, description?: string | null, encoderProfiles?: string[], ip?: string }) {
  const registration = await RunnerRegistrationTokenModel.loadByToken(options.registrationToken)
  // PeerTube answers 404 here; a secret that does not open anything is an authentication failure to us.
  if (!registration) throw unauthorized('Registration token is invalid', RUNNER_PROBLEM.INVALID_REGISTRATION_TOKEN)
  if (await RunnerModel.loadByName(options.name)) throw badRequest('This runner name already exists on this instance', RUNNER_PROBLEM.RUNNER_NAME_TAKEN)

  const runnerToken = generateRunnerToken()
  const runner = await RunnerModel.create({
    runnerTokenHash: hashToken(runnerToken),
    name: options.name,
    description: options.description ?? null,
    ip: options.ip ?? null,
    lastContact: new Date(),
    encoderProfiles: options.encoderProfiles ?? [],
    runnerRegistrationTokenId: registration.id
  })
  log.info(`Registered runner ${runner.name}`)
  return { id: runner.id, runnerToken }
}

/**
 * The runner a token belongs to. A wrong (or revoked) token is 401 with PeerTube's code, which makes PeerTube's
 * runner forget this instance; a disabled runner is 403 (it may come back once an administrator enables it).
 */
export async function authenticateRunner (runnerToken: string, options: { allowDisabled?: boolean } = {}) {
  const runner = await RunnerModel.loadByTokenHash(hashToken(runnerToken))
  if (!runner) throw unauthorized('Unknown runner token', RUNNER_PROBLEM.UNKNOWN_RUNNER_TOKEN)
  if (runner.disabledReason && !options.allowDisabled) throw forbidden(`This runner is disabled: ${runner.disabledReason}`, RUNNER_PROBLEM.RUNNER_DISABLED)
  return runner
}

/** lastContact (and the address it came from), written at most every 30 s per runner. */
export async function noteRunnerContact (runner: RunnerModel, ip: string | undefined) {
  if (Date.now() - runner.lastContact.getTime() < RUNNER_JOBS.LAST_CONTACT_UPDATE_INTERVAL_MS && runner.ip === (ip ?? null)) return
  await RunnerModel.update({ lastContact: new Date(), ip: ip ?? null }, { where: { id: runner.id }, silent: true })
}

export async function updateRunnerProfiles (runner: RunnerModel, encoderProfiles: string[] | undefined) {
  if (!encoderProfiles || JSON.stringify(encoderProfiles) === JSON.stringify(runner.encoderProfiles)) return
  runner.encoderProfiles = encoderProfiles
  await runner.save()
}

export async function unregisterRunner (runner: RunnerModel) {
  await deleteRunner(runner.id)
}

export async function deleteRunner (id: number) {
  await unitOfWork(async () => {
    const runner = await RunnerModel.findByPk(id, { lock: true })
    if (!runner) throw notFound('Runner not found')
    await releaseJobsOf(runner, 'Its runner was removed')
    await runner.destroy()
    log.info(`Removed runner ${runner.name}`)
  })
}

/** An administrator's choices: whether outputs skip the spot check, whether the runner may take jobs. */
export async function updateRunnerSettings (id: number, changes: { trusted?: boolean, enabled?: boolean }) {
  return unitOfWork(async () => {
    const runner = await RunnerModel.findByPk(id, { lock: true })
    if (!runner) throw notFound('Runner not found')
    if (changes.trusted !== undefined) runner.trusted = changes.trusted
    if (changes.enabled === true) {
      runner.disabledReason = null
      runner.verificationFailures = 0
    } else if (changes.enabled === false && !runner.disabledReason) {
      runner.disabledReason = 'Disabled by an administrator'
      await releaseJobsOf(runner, runner.disabledReason)
    }
    await runner.save()
    return runner
  })
}

/** The jobs a runner held go back to the queue, for another runner (in the caller's unit of work). */
export async function releaseJobsOf (runner: RunnerModel, reason: string) {
  const held = await RunnerJobModel.findAll({ where: { runnerId: runner.id, state: RunnerJobState.PROCESSING }, attributes: [ 'uuid' ] })
  for (const { uuid } of held) await putBackInQueue(uuid, reason)
}
