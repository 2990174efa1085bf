import { VideoCaptionModel } from '../../models/video/video-caption.js'
import type { Migration } from '../migrator.js'

/** Video captions (issue 21). */
export const up: Migration['up'] = async () => {
  await VideoCaptionModel.sync()
}
