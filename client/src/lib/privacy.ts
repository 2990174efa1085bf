// Privacy choices offered in forms (password-protected videos are not supported by this client yet).
import { VideoPrivacy } from '../../../shared/models/client-video.js'

export const PRIVACY_OPTIONS = [
  { id: VideoPrivacy.PUBLIC, label: 'Public' },
  { id: VideoPrivacy.UNLISTED, label: 'Unlisted' },
  { id: VideoPrivacy.PRIVATE, label: 'Private' },
  { id: VideoPrivacy.INTERNAL, label: 'Internal' }
]
