import type { VideoModel } from '../../models/video/video.js'
import { VideoChapterModel } from '../../models/video/video-chapter.js'
import { recordVideoChanged } from '../videos/video-events.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'

export interface ChapterInput {
  timecode: number
  title: string
}

/** PeerTube's limit on a chapter title. */
export const CHAPTER_TITLE_MAX = 100

/** Replaces a local video's chapters; followers get an Update and read them at the Video's `hasParts`. */
export async function replaceVideoChapters (video: VideoModel, chapters: ChapterInput[]) {
  await unitOfWork(async () => {
    await VideoChapterModel.replaceOfVideo(video.id, [ ...chapters ].sort((a, b) => a.timecode - b.timecode))
    await recordVideoChanged(video)
  })
}

/**
 * Chapters an uploaded file carries in its container (ffprobe's `chapters`): start second and title, kept when
 * they make sense (distinct starts within the video, titles cut to the limit).
 */
export function chaptersFromContainer (chapters: { start_time?: string, tags?: Record<string, string> }[], durationSeconds: number): ChapterInput[] {
  const byTimecode = new Map<number, string>()
  for (const chapter of chapters) {
    const timecode = Math.floor(Number(chapter.start_time))
    if (!Number.isFinite(timecode) || timecode < 0 || (durationSeconds > 0 && timecode >= Math.ceil(durationSeconds))) continue
    const title = (chapter.tags?.title ?? '').trim().slice(0, CHAPTER_TITLE_MAX)
    if (!byTimecode.has(timecode)) byTimecode.set(timecode, title || `Chapter ${byTimecode.size + 1}`)
  }
  return [ ...byTimecode ].map(([ timecode, title ]) => ({ timecode, title })).sort((a, b) => a.timecode - b.timecode)
}

/** The ActivityPub document at a video's `hasParts`, as PeerTube's: each chapter with its start and end offsets. */
export function chaptersToActivityPub (chapters: VideoChapterModel[], durationSeconds: number) {
  return chapters.map((chapter, i) => ({
    name: chapter.title,
    startOffset: chapter.timecode,
    endOffset: chapters[i + 1]?.timecode ?? durationSeconds
  }))
}
