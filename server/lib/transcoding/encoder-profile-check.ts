import { QueryTypes } from 'sequelize'
import { loggerWithTags } from '../../helpers/logger.js'
import { CONFIG } from '../../initializers/config/index.js'
import { sequelize } from '../../initializers/database.js'
import { detectEncoderProfiles, findEncoderProfile } from '../video-pipeline/index.js'

const log = loggerWithTags('transcoding')

/**
 * transcoding.profile must name a known profile, and one this machine can run unless remote runners do the
 * encoding (a GPU profile may exist on runners only). Stops the start-up with a clear message otherwise.
 */
export async function checkEncoderProfile () {
  const name = CONFIG.transcoding.profile
  if (!findEncoderProfile(name)) throw new Error(`transcoding.profile '${name}' is not a known encoder profile`)
  const local = await detectEncoderProfiles()
  if (!local.includes(name)) {
    if (!CONFIG.transcoding.remote_runners.enabled) {
      throw new Error(`transcoding.profile '${name}' needs an encoder this machine does not have (available: ${local.join(', ') || 'none'})`)
    }
    log.warn(`Encoder profile ${name} is not available here: only runners announcing it will get transcoding jobs`)
  }
}

/** What /api/v1/config announces: the profiles of this machine, and with remote runners those of enabled runners. */
export async function availableEncoderProfiles () {
  const names = new Set(await detectEncoderProfiles())
  if (CONFIG.transcoding.remote_runners.enabled) {
    const rows = await sequelize().query<{ name: string }>(
      'SELECT DISTINCT jsonb_array_elements_text("encoderProfiles") AS name FROM runner WHERE "disabledReason" IS NULL',
      { type: QueryTypes.SELECT }
    )
    for (const row of rows) if (findEncoderProfile(row.name)) names.add(row.name)
  }
  return [ ...names ]
}
