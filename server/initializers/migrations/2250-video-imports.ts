import { VideoImportModel } from '../../models/video/video-import.js'
import type { Migration } from '../migrator.js'

/** Video imports (issue 21): one row per import, the video it fills and its state. */
export const up: Migration['up'] = async () => {
  await VideoImportModel.sync()
}
