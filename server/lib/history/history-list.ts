import { listHistoryForApi } from '../../models/user/queries/history-list-query.js'
import { UserVideoHistoryModel } from '../../models/user/user-video-history.js'

// A user's watch history as they see and clear it (watch-history.ts records it).

/** The videos this user watched, latest first, with where they stopped. */
export function listWatchHistory (userId: number, accountId: number, options: Parameters<typeof listHistoryForApi>[2]) {
  return listHistoryForApi(userId, accountId, options)
}

/** Whether the video was in the history. */
export async function removeFromWatchHistory (userId: number, videoId: number) {
  return await UserVideoHistoryModel.removeOne(userId, videoId) !== 0
}

/** The whole history, or what was watched before `beforeDate`. */
export async function clearWatchHistory (userId: number, beforeDate?: Date) {
  await UserVideoHistoryModel.removeAll(userId, beforeDate)
}
