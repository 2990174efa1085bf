import { StoryboardModel } from '../../models/video/storyboard.js'

/** The video's storyboard (one per video); null before it is generated, or for a remote video without one. */
export function loadStoryboardOfVideo (videoId: number) {
  return StoryboardModel.loadByVideo(videoId)
}
