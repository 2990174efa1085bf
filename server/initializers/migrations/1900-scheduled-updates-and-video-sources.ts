import type { Migration } from '../migrator.js'
import { ScheduleVideoUpdateModel } from '../../models/video/schedule-video-update.js'
import { VideoSourceModel } from '../../models/video/video-source.js'

/**
 * Scheduled publication (a privacy change at a given time) and what was uploaded for each video (its transcoding
 * plan is derived from it). Videos uploaded before have no source row: their source route answers 404.
 */
export const up: Migration['up'] = async () => {
  await ScheduleVideoUpdateModel.sync()
  await VideoSourceModel.sync()
}
