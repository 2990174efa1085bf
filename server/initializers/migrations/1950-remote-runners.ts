import { RunnerJobModel } from '../../models/runner/runner-job.js'
import { RunnerRegistrationTokenModel } from '../../models/runner/runner-registration-token.js'
import { RunnerModel } from '../../models/runner/runner.js'
import type { Migration } from '../migrator.js'

/** Remote runners: registration tokens, runners and their jobs. */
export const up: Migration['up'] = async () => {
  await RunnerRegistrationTokenModel.sync()
  await RunnerModel.sync()
  await RunnerJobModel.sync()
}
