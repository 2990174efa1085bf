import type { WhereOptions } from 'sequelize'
import { VideoModel } from '../video.js'
import type { VideoSummary, VideoWithDetails } from '../video-loaded.js'
import { detailsIncludes, summaryIncludes } from './video-includes.js'

// Finders whose type says what they loaded (video-loaded.ts): the one place where an include set is declared to
// load what its type promises.

export interface VideoLoadLevels {
  summary: VideoSummary
  details: VideoWithDetails
}

export function findVideo<L extends keyof VideoLoadLevels> (where: WhereOptions<VideoModel>, level: L) {
  const include = level === 'details' ? detailsIncludes() : summaryIncludes()
  return VideoModel.findOne({ where, include }) as Promise<VideoLoadLevels[L] | null>
}

export function findVideoById<L extends keyof VideoLoadLevels> (id: number, level: L) {
  const include = level === 'details' ? detailsIncludes() : summaryIncludes()
  return VideoModel.findByPk(id, { include }) as Promise<VideoLoadLevels[L] | null>
}

export function findVideos<L extends keyof VideoLoadLevels> (where: WhereOptions<VideoModel>, level: L) {
  const include = level === 'details' ? detailsIncludes() : summaryIncludes()
  return VideoModel.findAll({ where, include }) as Promise<VideoLoadLevels[L][]>
}
