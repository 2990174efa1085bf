import type { Request, Response } from 'express'
import { STATIC_MAX_AGE } from '../initializers/constants/static-paths.js'
import { isUuid } from '../helpers/uuid.js'
import { HttpProblem, notFound } from '../lib/http-problems/http-problem.js'
import { RelayVerificationError, relayHashes, relayMediaFile, relayPlaylist } from '../lib/live/relay/relay-cache.js'
import { findRelayedLive, noteRelayUse } from '../lib/live/relay/relay-manager.js'

const FILENAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/

/**
 * GET /static/live-relay/{uuid}/{file}: a remote live served from this instance's pull-through cache (its
 * players read here; the origin sends each file once to us, whatever the number of our viewers).
 */
export async function serveRelayedLiveFile (req: Request, res: Response) {
  const uuid = String(req.params.uuid).toLowerCase()
  const filename = String(req.params.filename)
  if (!isUuid(uuid) || !FILENAME.test(filename)) throw notFound('File not found')
  const relayed = await findRelayedLive(uuid)
  if (!relayed) throw notFound('This live is not relayed here')
  noteRelayUse(relayed)

  res.set({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Content-Length' })
  const originUrl = relayed.originBase + filename
  const hashesName = relayed.hashesUrl?.slice(relayed.hashesUrl.lastIndexOf('/') + 1)
  try {
    if (filename.endsWith('.m3u8')) {
      const query = new URL(req.originalUrl, 'http://relay').search
      const playlist = await relayPlaylist(uuid, originUrl + query)
      res.set({ 'Content-Type': 'application/vnd.apple.mpegurl', 'Cache-Control': 'no-cache' }).send(playlist.body)
      return
    }
    if (filename === hashesName) {
      res.set({ 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' }).send(await relayHashes(uuid, relayed.hashesUrl!))
      return
    }
    const { path } = await relayMediaFile(uuid, filename, originUrl, relayed.hashesUrl)
    res.sendFile(path, { maxAge: STATIC_MAX_AGE.IMMUTABLE, immutable: true, headers: { 'Content-Type': filename.endsWith('.mp4') ? 'video/mp4' : 'video/iso.segment' } })
  } catch (err) {
    if (err instanceof RelayVerificationError) throw new HttpProblem({ status: 502, detail: err.message })
    if ((err as { status?: number }).status === 404) throw notFound('File not found on the origin')
    throw new HttpProblem({ status: 502, detail: `The origin could not be read: ${(err as Error).message}` })
  }
}
