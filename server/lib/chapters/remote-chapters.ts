import { loggerWithTags } from '../../helpers/logger.js'
import { VideoChapterModel } from '../../models/video/video-chapter.js'
import type { VideoModel } from '../../models/video/video.js'
import { fetchRemoteObject } from '../activitypub/fetch-remote.js'
import { isSameOrigin } from '../activitypub/ownership.js'
import { CHAPTER_TITLE_MAX, type ChapterInput } from './video-chapters.js'

const log = loggerWithTags('activitypub', 'chapters')
const MAX_REMOTE_CHAPTERS = 1000

/** PeerTube's `hasPart` list ({ name, startOffset, endOffset }) as chapters; malformed entries are skipped. */
export function parseRemoteChapters (hasPart: unknown): ChapterInput[] {
  if (!Array.isArray(hasPart)) return []
  const byTimecode = new Map<number, string>()
  for (const part of hasPart.slice(0, MAX_REMOTE_CHAPTERS)) {
    if (typeof part !== 'object' || part === null) continue
    const { name, startOffset } = part as Record<string, unknown>
    if (typeof name !== 'string' || name.trim() === '' || typeof startOffset !== 'number' || !Number.isFinite(startOffset) || startOffset < 0) continue
    const timecode = Math.floor(startOffset)
    if (!byTimecode.has(timecode)) byTimecode.set(timecode, name.trim().slice(0, CHAPTER_TITLE_MAX))
  }
  return [ ...byTimecode ].map(([ timecode, title ]) => ({ timecode, title })).sort((a, b) => a.timecode - b.timecode)
}

/**
 * A remote video's chapters are its origin's: read from the document its Video object's `hasParts` names (on
 * the same origin), after each Create or Update, as PeerTube does. A failure keeps the chapters we had.
 */
export async function syncRemoteChapters (video: Pick<VideoModel, 'id' | 'url' | 'remote'>, object: Record<string, unknown>) {
  if (!video.remote || typeof object.hasParts !== 'string' || !isSameOrigin(object.hasParts, video.url)) return
  try {
    const { body } = await fetchRemoteObject(object.hasParts)
    await VideoChapterModel.replaceOfVideo(video.id, parseRemoteChapters(body.hasPart))
  } catch (err) {
    log.info(`Cannot read the chapters of ${video.url}: ${(err as Error).message}`)
  }
}
