import express, { type Request, type Response } from 'express'
import { basename } from 'node:path'
import { withActivityPubContext } from '../../helpers/activitypub/index.js'
import { LAZY_STATIC_PATHS } from '../../initializers/constants/static-paths.js'
import { parsePageParam } from '../../lib/activitypub/collections/ordered-collection.js'
import { buildPlaylistElementObject, buildPlaylistObject } from '../../lib/activitypub/playlists/build-playlist-object.js'
import { downloadRemoteImage } from '../../lib/activitypub/videos/remote-video-images.js'
import { notFound } from '../../lib/http-problems/http-problem.js'
import { loadPlaylist } from '../../lib/playlists/playlist-access.js'
import { playlistThumbnailPathOnDisk } from '../../lib/playlists/playlist-thumbnail.js'
import {
  loadPlaylistElementWithVideoUrl, loadRemotePlaylistWithoutThumbnail, markPlaylistThumbnailOnDisk
} from '../../lib/playlists/federated-playlist-lookups.js'
import { activityPubOnly, sendActivityPub } from './content-negotiation.js'

// A playlist's ActivityPub URLs, shared with the web client's playlist pages (PeerTube's paths): public and unlisted
// playlists only; a remote one's object lives at its origin.

const PLAYLIST_PATHS = [ '/video-playlists/:playlistId', '/videos/watch/playlist/:playlistId', '/w/p/:playlistId' ]

async function loadFederatedPlaylist (req: Request) {
  const playlist = await loadPlaylist(String(req.params.playlistId))
  if (!playlist || !playlist.isFederated() || /^\d+$/.test(String(req.params.playlistId))) throw notFound('Video playlist not found')
  return playlist
}

const inFlight = new Map<string, Promise<boolean>>()

export function buildPlaylistsActivityPubRouter () {
  const router = express.Router()

  router.get(PLAYLIST_PATHS, activityPubOnly, async (req: Request, res: Response) => {
    const playlist = await loadFederatedPlaylist(req)
    if (playlist.remote) return res.redirect(301, playlist.url)
    sendActivityPub(res, withActivityPubContext(await buildPlaylistObject(playlist, parsePageParam(req.query.page)), 'Playlist'))
  })

  router.get('/video-playlists/:playlistId/videos/:elementId', activityPubOnly, async (req: Request, res: Response) => {
    const playlist = await loadFederatedPlaylist(req)
    const element = /^\d+$/.test(String(req.params.elementId))
      ? await loadPlaylistElementWithVideoUrl(playlist.id, parseInt(String(req.params.elementId), 10))
      : null
    if (!element?.Video || !element.url) throw notFound('Video playlist element not found')
    if (playlist.remote) return res.redirect(301, element.url)
    sendActivityPub(res, withActivityPubContext(buildPlaylistElementObject(element, element.Video.url), 'Playlist'))
  })

  return router
}

/**
 * A remote playlist's miniature is fetched from its origin the first time someone asks for it, then served by the
 * static thumbnails route like any other (mounted before it).
 */
export function buildRemotePlaylistImagesRouter () {
  const router = express.Router()
  router.get(`${LAZY_STATIC_PATHS.THUMBNAILS}:filename`, async (req, _res, next) => {
    const filename = basename(req.path)
    if (!/^[0-9a-f-]{36}\.jpg$/i.test(filename)) return next()
    const playlist = await loadRemotePlaylistWithoutThumbnail(filename).catch(() => null)
    if (!playlist?.thumbnailUrl) return next()

    const running = inFlight.get(filename) ?? downloadRemoteImage(playlist.thumbnailUrl, playlistThumbnailPathOnDisk(filename))
      .then(async ok => {
        if (ok) await markPlaylistThumbnailOnDisk(playlist.id)
        return ok
      })
      .finally(() => inFlight.delete(filename))
    inFlight.set(filename, running)
    await running.catch(() => false)
    next()
  })
  return router
}
