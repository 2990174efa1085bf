import type { NextFunction, Request, Response } from 'express'
import { isUuid } from '../helpers/uuid.js'
import { notFound, forbidden } from '../lib/http-problems/http-problem.js'
import { canSeeVideo } from '../lib/videos/video-access.js'
import { resolveVideoFileToken } from '../lib/videos/video-file-token.js'
import { isPrivateFolderVideo } from '../lib/video-paths.js'
import { summaryIncludes } from '../models/video/queries/video-includes.js'
import { VideoModel } from '../models/video/video.js'
import { UserModel } from '../models/user/user.js'
import { AccountModel } from '../models/account/account.js'
import { authenticate, type AuthenticatedUser } from './auth.js'

/** Files only some users may read must not be kept by shared caches, nor stay in the browser's. */
export const PRIVATE_FILE_CACHE_CONTROL = 'private, no-store'

/**
 * Who is asking for a file: a bearer token (API clients) or a `videoFileToken` query parameter (players), which is
 * only valid for the video it was made for.
 */
async function fileRequester (req: Request, videoUuid: string): Promise<AuthenticatedUser | undefined> {
  const fromHeader = await authenticate(req, 'optional')
  if (fromHeader) return fromHeader

  const token = typeof req.query.videoFileToken === 'string' ? req.query.videoFileToken : undefined
  if (!token) return undefined
  const grant = await resolveVideoFileToken(token)
  if (!grant || grant.videoUuid !== videoUuid) return undefined

  const user = await UserModel.findByPk(grant.userId, { include: [ { model: AccountModel, required: true, include: [ AccountModel.withActor() ] } ] })
  return user && !user.blocked ? user as AuthenticatedUser : undefined
}

/** Lets the request through only if the requester may see the video the file belongs to. */
export async function ensureCanSeeVideoFile (req: Request, videoUuid: string) {
  if (!isUuid(videoUuid)) throw notFound('File not found')
  const video = await VideoModel.findOne({ where: { uuid: videoUuid.toLowerCase() }, include: summaryIncludes() })
  if (!video) throw notFound('File not found')
  const user = await fileRequester(req, video.uuid)
  if (!canSeeVideo(video, user)) throw user ? forbidden('You cannot see this video') : notFound('File not found')
  return { video, user }
}

/** Marks the reply as one that no shared cache may keep when the video's files are not public. */
export function setVideoFileCacheControl (res: Response, video: Pick<VideoModel, 'privacy'>) {
  if (isPrivateFolderVideo(video)) res.set('Cache-Control', PRIVATE_FILE_CACHE_CONTROL)
}

/** Guards a private folder: the file is served only if its video is visible to the requester, and never cached. */
export function privateFileGuard (findVideoUuid: (req: Request) => Promise<string | undefined>) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const uuid = await findVideoUuid(req)
    if (!uuid) throw notFound('File not found')
    await ensureCanSeeVideoFile(req, uuid)
    res.set('Cache-Control', PRIVATE_FILE_CACHE_CONTROL)
    next()
  }
}
