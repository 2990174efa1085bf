import type { VideoUploadInput } from './types.js'
import { ScheduleVideoUpdateModel } from '../../models/video/schedule-video-update.js'

/** Stores (object), removes (null) the video's scheduled update, in the caller's unit of work. */
export async function recordScheduledUpdate (videoId: number, schedule: VideoUploadInput['scheduleUpdate']) {
  if (schedule === undefined) return
  if (schedule === null) {
    await ScheduleVideoUpdateModel.removeForVideo(videoId)
    return
  }
  await ScheduleVideoUpdateModel.upsertForVideo(videoId, schedule.updateAt, schedule.privacy ?? null)
}

/** What the owner sees of a schedule (`scheduledUpdate` of the video), or null. */
export async function scheduledUpdateOf (videoId: number) {
  const schedule = await ScheduleVideoUpdateModel.loadByVideo(videoId)
  return schedule ? schedule.toFormattedJSON() : null
}

/** The scheduled updates of these videos as their owner sees them, by video id (videos without one are absent). */
export async function scheduledUpdatesOf (videoIds: number[]) {
  const schedules = await ScheduleVideoUpdateModel.listByVideos(videoIds)
  return new Map(schedules.map(s => [ s.videoId, s.toFormattedJSON() ]))
}
