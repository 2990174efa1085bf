import type { Request, Response } from 'express'
import { SharedJsonBody } from '../../helpers/http/shared-json-body.js'
import { listVideos, type VideoListFilters } from '../../models/video/queries/video-list-query.js'

type VideoListResult = Awaited<ReturnType<typeof listVideos>>

/**
 * Identical list requests arriving together (a popular home page: many viewers, same filters) share one run of the
 * queries and one serialization of the reply. Nothing is kept once the run ends, so a reply is never older than
 * one run of the queries (milliseconds): there is no cache to expire or invalidate. The key is the whole filters
 * object, which holds everything the result depends on (who asks only matters through it).
 */
const running = new Map<string, Promise<VideoListResult>>()
const serialized = new WeakMap<VideoListResult, SharedJsonBody>()

export function listVideosShared (filters: VideoListFilters): Promise<VideoListResult> {
  const key = JSON.stringify(filters)
  const pending = running.get(key)
  if (pending) return pending

  const run = listVideos(filters).finally(() => running.delete(key))
  running.set(key, run)
  return run
}

/** Sends `{ total, data }`, serialized (and compressed, per encoding) once per shared result. */
export function sendVideoList (req: Request, res: Response, result: VideoListResult) {
  let body = serialized.get(result)
  if (body === undefined) {
    body = new SharedJsonBody(JSON.stringify({ total: result.total, data: result.data }))
    serialized.set(result, body)
  }
  return body.send(req, res)
}
