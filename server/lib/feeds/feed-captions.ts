import { VideoCaptionModel } from '../../models/video/video-caption.js'
import { captionUrl } from '../captions/caption-files.js'

/** A caption as feeds list it. */
export interface FeedCaption {
  language: string
  url: string
}

/** Captions of several videos, by video id, in one query. */
export async function loadFeedCaptions (videoIds: number[]) {
  const byVideo = new Map<number, FeedCaption[]>()
  for (const caption of await VideoCaptionModel.listOfVideos(videoIds)) {
    const list = byVideo.get(caption.videoId) ?? []
    list.push({ language: caption.language, url: captionUrl(caption) })
    byVideo.set(caption.videoId, list)
  }
  return byVideo
}
