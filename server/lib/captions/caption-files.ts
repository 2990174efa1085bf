import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { fromRoot } from '../../helpers/project-root.js'
import { CONFIG, WEBSERVER } from '../../initializers/config/index.js'
import { LAZY_STATIC_PATHS } from '../../initializers/constants/static-paths.js'
import type { VideoCaptionModel } from '../../models/video/video-caption.js'

/** `<uuid>-<language>.vtt`, as PeerTube names them. */
export const CAPTION_FILENAME = /^[0-9a-f-]{36}-[a-zA-Z-]{2,20}\.vtt$/

export function newCaptionFilename (language: string) {
  return `${randomUUID()}-${language}.vtt`
}

export function captionsDir () {
  return fromRoot(CONFIG.storage.captions)
}

export function captionFilePath (filename: string) {
  return join(captionsDir(), filename)
}

/** Where we serve a caption (remote ones too: fetched from their origin on first request). */
export function captionPath (caption: Pick<VideoCaptionModel, 'filename'>) {
  return LAZY_STATIC_PATHS.VIDEO_CAPTIONS + caption.filename
}

export function captionUrl (caption: Pick<VideoCaptionModel, 'filename'>) {
  return WEBSERVER.URL + captionPath(caption)
}
