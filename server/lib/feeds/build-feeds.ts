import { CONFIG, WEBSERVER } from '../../initializers/config/index.js'
import type { CommentFeedInput, VideoFeedInput } from './types.js'
import { AccountModel } from '../../models/account/account.js'
import { UserModel } from '../../models/user/user.js'
import { listCommentsForFeed } from '../../models/video/queries/comment-feed-query.js'
import { listVideoModelsWithFiles, type VideoListFilters } from '../../models/video/queries/video-list-query.js'
import { publicListScope } from '../activitypub/trust/content-policy.js'
import { forbidden, notFound } from '../http-problems/http-problem.js'
import { ProblemCode } from '../http-problems/problem-codes.js'
import { instanceAccountId } from '../moderation/instance-account.js'
import { loadVideo } from '../videos/video-loader.js'
import { videoWatchUrl } from '../client-urls.js'
import { addCommentItems } from './comment-feed-items.js'
import { loadFeedCaptions } from './feed-captions.js'
import { feedMetadata, initFeed } from './feed-init.js'
import { resolveFeedOwner } from './feed-owner.js'
import { addVideoItems } from './video-feed-items.js'

// A feed is public: it lists what an anonymous visitor sees (public, published, not blocked, not muted by the
// instance; remote videos only when the instance follows them, as public lists), whatever privacy or include
// flags the query asks for.

type VideoFilterQuery = Pick<VideoFeedInput, 'sort' | 'nsfw' | 'isLocal' | 'hasHLSFiles' | 'hasWebVideoFiles'>

function publicVideoFilters (query: VideoFilterQuery, mutedBy: number[]): VideoListFilters {
  const nsfw = query.nsfw === 'true' ? true : query.nsfw === 'false' ? false : query.nsfw === 'both'
    ? undefined
    : CONFIG.instance.default_nsfw_policy === 'do_not_list' ? false : undefined
  return {
    start: 0,
    count: CONFIG.feeds.videos.count,
    sort: query.sort,
    nsfw,
    isLocal: query.isLocal,
    hasHLSFiles: query.hasHLSFiles,
    hasWebVideoFiles: query.hasWebVideoFiles,
    moderation: { excludeBlocked: true, mutedByAccountIds: mutedBy }
  }
}

export async function buildVideoFeed (query: VideoFeedInput, search: string) {
  const owner = await resolveFeedOwner(query)
  const data = await listVideoModelsWithFiles({
    ...publicVideoFilters(query, [ instanceAccountId() ]),
    ...await publicListScope(),
    channelId: owner.channel?.id,
    accountId: owner.account?.id
  })

  const feed = initFeed({ ...feedMetadata(owner), resource: 'videos', search })
  addVideoItems(feed, data, await loadFeedCaptions(data.map(v => v.id)))
  return feed
}

/** A user's subscriptions, for feed readers: the account id and its secret feed token stand for a login. */
export async function buildSubscriptionFeed (query: VideoFilterQuery & { accountId: number, token: string }, search: string) {
  const account = await AccountModel.findByPk(query.accountId, { include: [ AccountModel.withActor() ] })
  if (!account?.userId) throw notFound('Account not found')
  const user = await UserModel.findByPk(account.userId, { attributes: [ 'id', 'feedToken' ] })
  if (!user || user.feedToken !== query.token) throw forbidden('This feed token is not valid for this account', ProblemCode.NOT_ALLOWED)

  // The user's own subscriptions, as their subscriptions list shows them (stored because they subscribed).
  const data = await listVideoModelsWithFiles({
    ...publicVideoFilters(query, [ instanceAccountId(), account.id ]),
    subscribedByActorId: account.actorId
  })

  const feed = initFeed({
    name: `${account.name} - subscriptions`,
    description: `Videos of the channels ${account.name} subscribed to`,
    link: `${WEBSERVER.URL}/videos/subscriptions`,
    resource: 'subscriptions',
    search
  })
  addVideoItems(feed, data, await loadFeedCaptions(data.map(v => v.id)))
  return feed
}

export async function buildCommentFeed (query: CommentFeedInput, search: string) {
  let videoId: number | undefined
  let name = `${CONFIG.instance.name} - comments`
  let link: string | undefined
  const owner = await resolveFeedOwner(query)

  if (query.videoId !== undefined) {
    const video = await loadVideo(query.videoId, 'summary')
    if (!video || !video.isPubliclyVisible()) throw notFound('Video not found')
    videoId = video.id
    name = `${video.name} - comments`
    link = videoWatchUrl(video)
  }

  const comments = await listCommentsForFeed({
    count: CONFIG.feeds.comments.count,
    videoId,
    channelId: owner.channel?.id,
    accountId: owner.account?.id,
    mutedByAccountIds: [ instanceAccountId() ]
  })

  const meta = feedMetadata(owner)
  const feed = initFeed({
    ...meta,
    name: owner.channel || owner.account ? `${meta.name} - comments` : name,
    link: link ?? meta.link,
    resource: 'video-comments',
    search
  })
  addCommentItems(feed, comments)
  return feed
}
