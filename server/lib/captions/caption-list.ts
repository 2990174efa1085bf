import { VideoCaptionModel } from '../../models/video/video-caption.js'

/** A video's captions, one per language. */
export function listCaptionsOfVideo (videoId: number) {
  return VideoCaptionModel.listOfVideo(videoId)
}
