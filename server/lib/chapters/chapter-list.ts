import { VideoChapterModel } from '../../models/video/video-chapter.js'

/** A video's chapters, in the order they start. */
export function listChaptersOfVideo (videoId: number) {
  return VideoChapterModel.listOfVideo(videoId)
}
