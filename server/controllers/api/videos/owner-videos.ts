import { z } from 'zod'
import { VideoPrivacy } from '../../../../shared/models/videos.js'
import { publicListScope } from '../../../lib/activitypub/trust/content-policy.js'
import { loadAccountByHandle } from '../../../lib/accounts/account-finders.js'
import { notFound } from '../../../lib/http-problems/http-problem.js'
import { loadChannelByHandle } from '../../../lib/video-channels/channel-finders.js'
import { buildVideoListFilters } from '../../../lib/videos/list-filters.js'
import { videosListQuery } from '../../../middlewares/validation/videos.js'
import { scheduledUpdatesOf } from '../../../lib/videos/scheduled-updates.js'
import { listVideoObjects, listVideosShared, sendVideoList } from '../../../lib/videos/shared-video-list.js'
import { VIDEO_LIST_TOTAL_DESCRIPTION } from '../../../initializers/constants/video-list.js'
import { ApiRouter } from '../../shared/api-router.js'

// Video lists scoped to one owner: an account, a channel, or the logged-in user (who also sees unpublished ones).

export const ownerVideosRouter = new ApiRouter('/api/v1')

/** As PeerTube: logged-in users see all of a remote channel's stored videos, visitors only the followed ones. */
async function ownerListScope (user: unknown) {
  return user ? {} : publicListScope()
}

const handleParams = (name: string) => z.object({ [name]: z.string().min(1).max(300) })

ownerVideosRouter.get('/accounts/:name/videos', {
  operationId: 'getAccountVideos',
  summary: 'List the videos of an account',
  description: VIDEO_LIST_TOTAL_DESCRIPTION,
  tags: [ 'Accounts', 'Video' ],
  auth: 'optional',
  params: handleParams('name'),
  query: videosListQuery
}, async ({ params, query, user }, req, res) => {
  const account = await loadAccountByHandle(params.name as string)
  if (!account) throw notFound('Account not found')

  const result = await listVideosShared({ ...buildVideoListFilters(query, user), ...await ownerListScope(user), accountId: account.id })
  await sendVideoList(req, res, result)
})

ownerVideosRouter.get('/video-channels/:handle/videos', {
  operationId: 'getVideoChannelVideos',
  summary: 'List the videos of a channel',
  description: VIDEO_LIST_TOTAL_DESCRIPTION,
  tags: [ 'Video Channels', 'Video' ],
  auth: 'optional',
  params: handleParams('handle'),
  query: videosListQuery
}, async ({ params, query, user }, req, res) => {
  const channel = await loadChannelByHandle(params.handle as string)
  if (!channel) throw notFound('Video channel not found')

  const result = await listVideosShared({ ...buildVideoListFilters(query, user), ...await ownerListScope(user), channelId: channel.id })
  await sendVideoList(req, res, result)
})

ownerVideosRouter.get('/users/me/videos', {
  operationId: 'getUserVideos',
  summary: 'List my videos, whatever their state and privacy',
  description: VIDEO_LIST_TOTAL_DESCRIPTION,
  tags: [ 'My User', 'Video' ],
  auth: 'required',
  query: videosListQuery.pick({ start: true, count: true, sort: true })
}, async ({ query, user }, _req, res) => {
  const result = await listVideoObjects({
    start: query.start,
    count: query.count,
    sort: query.sort,
    accountId: user.Account.id,
    includeAllStates: true,
    privacyOneOf: [ VideoPrivacy.PUBLIC, VideoPrivacy.UNLISTED, VideoPrivacy.PRIVATE, VideoPrivacy.INTERNAL, VideoPrivacy.PASSWORD_PROTECTED ]
  })
  // PeerTube shows the owner their planned publications in this list.
  const schedules = await scheduledUpdatesOf(result.data.map(v => v.id))
  res.json({ total: result.total, data: result.data.map(video => ({ ...video, scheduledUpdate: schedules.get(video.id) ?? null })) })
})
