import { RUNNER_JOBS } from '../../initializers/constants/runners.js'
import { RunnerJobModel } from '../../models/runner/runner-job.js'
import { RunnerRegistrationTokenModel } from '../../models/runner/runner-registration-token.js'
import { RunnerModel } from '../../models/runner/runner.js'

// The lists of the runners' world: the jobs a runner may take, and the administrator's lists.

/** The jobs this runner may accept now (its profiles, its job types), at most AVAILABLE_JOBS_LIMIT. */
export function listAvailableJobsFor (runner: Parameters<typeof RunnerJobModel.listAvailableFor>[0]) {
  return RunnerJobModel.listAvailableFor(runner, RUNNER_JOBS.AVAILABLE_JOBS_LIMIT)
}

export function listRunnerJobs (options: Parameters<typeof RunnerJobModel.listForApi>[0]) {
  return RunnerJobModel.listForApi(options)
}

export function listRunners (options: Parameters<typeof RunnerModel.listForApi>[0]) {
  return RunnerModel.listForApi(options)
}

export function listRegistrationTokens (options: Parameters<typeof RunnerRegistrationTokenModel.listForApi>[0]) {
  return RunnerRegistrationTokenModel.listForApi(options)
}
