import { VideoRedundancyAttemptModel } from '../../models/redundancy/video-redundancy-attempt.js'
import type { Migration } from '../migrator.js'

/** Failed mirror attempts, so the redundancy scheduler backs off a video that keeps failing (issue 16). */
export const up: Migration['up'] = async () => {
  await VideoRedundancyAttemptModel.sync()
}
