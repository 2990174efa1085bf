import { StoryboardModel } from '../../models/video/storyboard.js'
import type { Migration } from '../migrator.js'

/** Video storyboards (issue 21). */
export const up: Migration['up'] = async () => {
  await StoryboardModel.sync()
}
