import type { StoryboardModel } from '../../models/video/storyboard.js'
import { toActivityStreamsDuration } from '../activitypub/videos/activity-streams-duration.js'
import { storyboardUrl } from './storyboard-files.js'

/** The Video object's `preview`, as PeerTube 6.3 publishes a storyboard; absent when the video has none. */
export function storyboardPreview (storyboard: StoryboardModel | null | undefined) {
  if (!storyboard) return undefined
  return [ {
    type: 'Image',
    rel: [ 'storyboard' ],
    url: [ {
      mediaType: 'image/jpeg',
      href: storyboard.fileUrl ?? storyboardUrl(storyboard),
      width: storyboard.totalWidth,
      height: storyboard.totalHeight,
      tileWidth: storyboard.spriteWidth,
      tileHeight: storyboard.spriteHeight,
      tileDuration: toActivityStreamsDuration(storyboard.spriteDuration)
    } ]
  } ]
}
