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
 * between folders, followers hear of it and `publishedAt` is set as for a change made by hand. A schedule is removed
 * once applied, unless the owner replaced it meanwhile; applying one twice (a crash in between) changes nothing more.
 */
export async function applyDueScheduledUpdates (now = new Date()) {
  const due = await ScheduleVideoUpdateModel.listDue(now, BATCH)
  for (const schedule of due) {
    try {
      const video = await VideoModel.findByPk(schedule.videoId, { include: detailsIncludes() })
      if (video && !video.remote && schedule.privacy !== null && video.privacy !== schedule.privacy) {
        await updateVideo(video, null, { privacy: schedule.privacy }, {})
        log.info(`Video ${video.uuid}: scheduled privacy ${schedule.privacy} applied`)
      }
      await ScheduleVideoUpdateModel.removeIfUnchanged(schedule)
    } catch (err) {
      // Left in place: the next pass tries again.
      log.warn(`Cannot apply the scheduled update of video ${schedule.videoId}`, { err })
    }
  }
  return due.length
}
