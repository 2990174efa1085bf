import { loadVisibleVideo } from '../../../lib/videos/video-loader.js'
import { formatStoryboard } from '../../../lib/storyboards/storyboard-files.js'
import { loadStoryboardOfVideo } from '../../../lib/storyboards/storyboard-finders.js'
import { videoIdParams } from '../../../middlewares/validation/videos.js'
import { ApiRouter } from '../../shared/api-router.js'

/** A video's storyboards (PeerTube >= 6.0): sprite sheets for previews on the progress bar. */
export const videoStoryboardsRouter = new ApiRouter('/api/v1')

videoStoryboardsRouter.get('/videos/:id/storyboards', {
  operationId: 'listVideoStoryboards',
  summary: 'List the storyboards of a video (at most one: a sprite sheet made after transcoding)',
  tags: [ 'Video' ],
  auth: 'optional',
  params: videoIdParams
}, async ({ params, user }, _req, res) => {
  const video = await loadVisibleVideo(params.id, user, 'summary')
  const storyboard = await loadStoryboardOfVideo(video.id)
  res.json({ storyboards: storyboard ? [ formatStoryboard(storyboard) ] : [] })
})
