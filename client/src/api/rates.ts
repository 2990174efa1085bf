// /api/v1 ratings: like, dislike or nothing; my rating of a video.
import type { UserVideoRate } from '../../../shared/models/client-video-comment.js'
import { api } from './http.js'

export type Rating = UserVideoRate['rating']

export function rateVideo (videoId: string | number, rating: Rating): Promise<void> {
  return api.put<void>(`/videos/${encodeURIComponent(String(videoId))}/rate`, { rating })
}

export async function getMyRating (videoId: number): Promise<Rating> {
  return (await api.get<UserVideoRate>(`/users/me/videos/${videoId}/rating`)).rating
}
