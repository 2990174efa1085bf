import { VideoChapterModel } from '../../models/video/video-chapter.js'
import type { Migration } from '../migrator.js'

/** Video chapters (issue 21). */
export const up: Migration['up'] = async () => {
  await VideoChapterModel.sync()
}
