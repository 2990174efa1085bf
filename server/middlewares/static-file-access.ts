import type { NextFunction, Request, Response } from 'express'
import { notFound, forbidden } from '../lib/http-problems/http-problem.js'
import { canSeeVideo } from '../lib/videos/video-access.js'
import { resolveVideoFileToken } from '../lib/videos/video-file-token.js'
import { summaryIncludes } from '../models/video/queries/video-includes.js'
import { VideoModel } from '../models/video/video.js'
import { UserModel } from '../models/user/user.js'
import { AccountModel } from '../models/account/account.js'
import { authenticate, type AuthenticatedUser } from './auth.js'

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
  const video = await VideoModel.findOne({ where: { uuid: videoUuid }, include: summaryIncludes() })
  if (!video) throw notFound('File not found')
  const user = await fileRequester(req, videoUuid)
  if (!canSeeVideo(video, user)) throw user ? forbidden('You cannot see this video') : notFound('File not found')
  return { video, user }
}

export function privateFileGuard (findVideoUuid: (req: Request) => Promise<string | undefined>) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const uuid = await findVideoUuid(req)
    if (!uuid) throw notFound('File not found')
    await ensureCanSeeVideoFile(req, uuid)
    next()
  }
}
