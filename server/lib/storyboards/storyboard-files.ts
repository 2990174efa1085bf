import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { fromRoot } from '../../helpers/project-root.js'
import { CONFIG, WEBSERVER } from '../../initializers/config/index.js'
import { LAZY_STATIC_PATHS } from '../../initializers/constants/static-paths.js'
import type { StoryboardModel } from '../../models/video/storyboard.js'

/** `<uuid>.jpg`, as PeerTube names them. */
export const STORYBOARD_FILENAME = /^[0-9a-f-]{36}\.jpg$/

export function newStoryboardFilename () {
  return `${randomUUID()}.jpg`
}

export function storyboardsDir () {
  return fromRoot(CONFIG.storage.storyboards)
}

export function storyboardFilePath (storyboard: Pick<StoryboardModel, 'filename'>) {
  return join(storyboardsDir(), storyboard.filename)
}

/** Where we serve a storyboard (remote ones too: fetched from their origin on first request). */
export function storyboardPath (storyboard: Pick<StoryboardModel, 'filename'>) {
  return LAZY_STATIC_PATHS.STORYBOARDS + storyboard.filename
}

export function storyboardUrl (storyboard: Pick<StoryboardModel, 'filename'>) {
  return WEBSERVER.URL + storyboardPath(storyboard)
}

/** PeerTube's `Storyboard` of `GET /api/v1/videos/{id}/storyboards`. */
export function formatStoryboard (storyboard: StoryboardModel) {
  return {
    storyboardPath: storyboardPath(storyboard),
    totalHeight: storyboard.totalHeight,
    totalWidth: storyboard.totalWidth,
    spriteHeight: storyboard.spriteHeight,
    spriteWidth: storyboard.spriteWidth,
    spriteDuration: storyboard.spriteDuration
  }
}
