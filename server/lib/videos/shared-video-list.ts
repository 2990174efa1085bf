import type { Request, Response } from 'express'
import { SharedJsonBody } from '../../helpers/http/shared-json-body.js'
import { listVideoItems, listVideos, type VideoListFilters } from '../../models/video/queries/video-list-query.js'

type VideoListResult = Awaited<ReturnType<typeof listVideoItems>>

/**
 * Identical list requests arriving together (a popular home page: many viewers, same filters) share one run of the
 * queries and one serialization of the reply. Nothing is kept once the run ends, so a reply is never older than
 * one run of the queries (milliseconds): there is no cache to expire or invalidate. The key is the whole filters
 * object, which holds everything the result depends on (who asks only matters through it).
 */
const running = new Map<string, Promise<VideoListResult>>()

/**
 * The reply's body, kept on the shared result itself. Not in a WeakMap keyed by the result: V8's minor collections
 * keep the values of a WeakMap that lives in the old generation, whatever their key, so every reply's JSON was
 * promoted and stayed until the next full collection (heap sampling of what full collections freed: 110 KB of the
 * 260 KB a first page left to them; a mark-compact every second under sequential load).
 */
const BODY = Symbol('serialized body')
type SharedResult = VideoListResult & { [BODY]?: SharedJsonBody }

export function listVideosShared (filters: VideoListFilters): Promise<VideoListResult> {
  const key = JSON.stringify(filters)
  const pending = running.get(key)
  if (pending) return pending

  const run = listVideoItems(filters).finally(() => running.delete(key))
  running.set(key, run)
  return run
}

/** Sends `{ total, data }`, serialized (and compressed, per encoding) once per shared result. */
export function sendVideoList (req: Request, res: Response, result: VideoListResult) {
  const shared = result as SharedResult
  // The items are JSON already (written by PostgreSQL): the reply is their concatenation.
  shared[BODY] ??= new SharedJsonBody(`{"total":${result.total},"data":[${result.items.join(',')}]}`)
  return shared[BODY].send(req, res)
}

/** A list whose items are objects, for a reply that adds to each item (not shared: such replies are the user's own). */
export function listVideoObjects (filters: VideoListFilters) {
  return listVideos(filters)
}
