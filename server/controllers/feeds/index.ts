import type { Request } from 'express'
import { buildPodcastFeed } from '../../lib/feeds/podcast-feed.js'
import { buildCommentFeed, buildSubscriptionFeed, buildVideoFeed } from '../../lib/feeds/build-feeds.js'
import { sendFeed, sendPodcast } from '../../lib/feeds/send-feed.js'
import { notFound } from '../../lib/http-problems/http-problem.js'
import { loadChannelWithOwner } from '../../lib/video-channels/channel-finders.js'
import {
  commentFeedQuery, feedFormatParams, podcastFeedQuery, subscriptionFeedQuery, videoFeedQuery
} from '../../middlewares/validation/feeds.js'
import { ApiRouter } from '../shared/api-router.js'

/** Syndication feeds (RSS 2.0 with Media RSS, Atom 1.0, JSON Feed 1.1) and the Podcasting 2.0 feed, at PeerTube's paths. */
export const feedsRouter = new ApiRouter('/feeds')

const FEED_RESPONSES = { 200: 'The feed', 400: 'Invalid filter', 404: 'Unknown account, channel or video' }

function querySearch (req: Request) {
  const at = req.originalUrl.indexOf('?')
  return at === -1 ? '' : req.originalUrl.slice(at)
}

feedsRouter.get('/videos.:format', {
  operationId: 'getSyndicatedVideos',
  summary: 'Feed of videos: all, local, of an account or of a channel',
  tags: [ 'Video Feeds' ],
  auth: 'none',
  params: feedFormatParams,
  query: videoFeedQuery,
  responses: FEED_RESPONSES
}, async ({ params, query }, req, res) => {
  sendFeed(res, await buildVideoFeed(query, querySearch(req)), params.format, query.format)
})

feedsRouter.get('/video-comments.:format', {
  operationId: 'getSyndicatedComments',
  summary: 'Feed of comments: all, or on a video, an account\'s or a channel\'s videos',
  tags: [ 'Video Feeds' ],
  auth: 'none',
  params: feedFormatParams,
  query: commentFeedQuery,
  responses: FEED_RESPONSES
}, async ({ params, query }, req, res) => {
  sendFeed(res, await buildCommentFeed(query, querySearch(req)), params.format, query.format)
})

feedsRouter.get('/subscriptions.:format', {
  operationId: 'getSyndicatedSubscriptionVideos',
  summary: 'Feed of the videos of a user\'s subscriptions (accountId and its feed token)',
  tags: [ 'Video Feeds' ],
  auth: 'none',
  params: feedFormatParams,
  query: subscriptionFeedQuery,
  responses: { ...FEED_RESPONSES, 403: 'Wrong feed token' }
}, async ({ params, query }, req, res) => {
  sendFeed(res, await buildSubscriptionFeed(query, querySearch(req)), params.format, query.format)
})

feedsRouter.get('/podcast/videos.xml', {
  operationId: 'getVideosPodcastFeed',
  summary: 'Podcasting 2.0 feed of a channel\'s local videos',
  tags: [ 'Video Feeds' ],
  auth: 'none',
  query: podcastFeedQuery,
  responses: { 200: 'The podcast feed', 400: 'Invalid channel id', 404: 'Unknown channel' }
}, async ({ query }, req, res) => {
  const channel = await loadChannelWithOwner(query.videoChannelId)
  if (!channel) throw notFound('Video channel not found')
  sendPodcast(res, await buildPodcastFeed(channel, querySearch(req)))
})
