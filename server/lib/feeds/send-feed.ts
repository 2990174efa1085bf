import type { Feed } from '@peertube/feed'
import type { Response } from 'express'
import type { FeedFormat } from './types.js'
import { setPublicCacheControl } from '../../helpers/http/public-cache-control.js'

/** How long readers and proxies may keep a feed, as PeerTube's 15-minute route cache. */
const FEED_MAX_AGE_SECONDS = 15 * 60

/** Serialises a feed in the format its path (or, for `.xml`, its `?format=`) asks for. */
export function sendFeed (res: Response, feed: Feed, format: FeedFormat, queryFormat?: string) {
  setPublicCacheControl(res, FEED_MAX_AGE_SECONDS)

  const wanted = format === 'xml' ? (queryFormat ?? 'rss') : format
  if (wanted === 'atom' || wanted === 'atom1') {
    res.type('application/atom+xml; charset=utf-8').send(feed.atom1())
  } else if (wanted === 'json' || wanted === 'json1') {
    res.type('application/json; charset=utf-8').send(feed.json1())
  } else {
    res.type('application/rss+xml; charset=utf-8').send(feed.rss2())
  }
}

export function sendPodcast (res: Response, feed: Feed) {
  setPublicCacheControl(res, FEED_MAX_AGE_SECONDS)
  res.type('application/rss+xml; charset=utf-8').send(feed.podcast())
}
