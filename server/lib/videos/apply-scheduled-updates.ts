import { loggerWithTags } from '../../helpers/logger.js'
import { detailsIncludes } from '../../models/video/queries/video-includes.js'
import { ScheduleVideoUpdateModel } from '../../models/video/schedule-video-update.js'
import { VideoModel } from '../../models/video/video.js'
import { updateVideo } from './update-video.js'

const log = loggerWithTags('videos', 'schedule')

/** How many due schedules one pass applies; the next pass takes the rest. */
const BATCH = 50

/**
 * Applies every schedule whose time has come: the privacy change goes through the ordinary update, so files move
 * between folders, followers hear of it and `publishedAt` is set as for a change made by hand; the schedule is
 * removed in the same transaction. A schedule the owner changed since it was listed is left for the next pass.
 */
export async function applyDueScheduledUpdates (now = new Date()) {
  const due = await ScheduleVideoUpdateModel.listDue(now, BATCH)
  for (const schedule of due) {
    try {
      const current = await ScheduleVideoUpdateModel.loadByVideo(schedule.videoId)
      if (!current || current.updateAt.getTime() !== schedule.updateAt.getTime()) continue

      const video = await VideoModel.findByPk(schedule.videoId, { include: detailsIncludes() })
      if (!video || video.remote || schedule.privacy === null || video.privacy === schedule.privacy) {
        await ScheduleVideoUpdateModel.removeIfUnchanged(schedule)
        continue
      }
      await updateVideo(video, null, { privacy: schedule.privacy, scheduleUpdate: null }, {})
      log.info(`Video ${video.uuid}: scheduled privacy ${schedule.privacy} applied`)
    } catch (err) {
      // Left in place: the next pass tries again.
      log.warn(`Cannot apply the scheduled update of video ${schedule.videoId}`, { err })
    }
  }
  return due.length
}
