import { Op } from 'sequelize'
import { VideoState } from '../../../../shared/models/videos.js'
import { StoryboardModel } from '../storyboard.js'
import { VideoModel } from '../video.js'

/** Local published videos (not lives) of at least `minDuration` seconds that have no storyboard, or the one asked. */
export async function listVideosWithoutStoryboard (minDuration: number, uuid?: string) {
  const withStoryboard = await StoryboardModel.findAll({ attributes: [ 'videoId' ] })
  return VideoModel.findAll({
    where: {
      remote: false,
      isLive: false,
      state: VideoState.PUBLISHED,
      duration: { [Op.gte]: minDuration },
      ...(uuid ? { uuid } : { id: { [Op.notIn]: withStoryboard.map(s => s.videoId) } })
    },
    attributes: [ 'id', 'uuid', 'remote', 'isLive' ],
    order: [ [ 'id', 'ASC' ] ]
  })
}
