import { VIDEO_LANGUAGES } from '../../../initializers/constants/videos.js'
import { WEBSERVER } from '../../../initializers/config/index.js'
import { LAZY_STATIC_PATHS } from '../../../initializers/constants/static-paths.js'
import type { VideoCaptionModel } from '../video-caption.js'

/** PeerTube's `VideoCaption`. */
export function formatVideoCaption (caption: VideoCaptionModel) {
  const captionPath = LAZY_STATIC_PATHS.VIDEO_CAPTIONS + caption.filename
  return {
    language: { id: caption.language, label: VIDEO_LANGUAGES[caption.language] ?? 'Unknown' },
    captionPath,
    fileUrl: WEBSERVER.URL + captionPath,
    automaticallyGenerated: false,
    updatedAt: caption.updatedAt
  }
}
