import { VideoImportState } from '../../../shared/models/video-imports.js'
import { UserRight } from '../../../shared/models/users.js'
import type { AuthenticatedUser } from '../../models/user/authenticated-user.js'
import { findVideoById } from '../../models/video/queries/video-finders.js'
import { ENDED_IMPORT_STATES, VideoImportModel } from '../../models/video/video-import.js'
import { conflict, forbidden, notFound } from '../http-problems/http-problem.js'
import { ProblemCode } from '../http-problems/problem-codes.js'
import { deleteVideo } from '../videos/delete-video.js'

// A user's imports after they were created: the list, one with its video, cancelling and deleting.

type ImportState = Pick<VideoImportModel, 'id' | 'state' | 'videoId'>

/** With its video (what formatVideoImport shows). */
export function loadImportWithVideo (id: number) {
  return VideoImportModel.loadWithVideo(id)
}

export function listImportsOfUser (options: Parameters<typeof VideoImportModel.listForUser>[0]) {
  return VideoImportModel.listForUser(options)
}

/** The import's state, if it is this user's (or they may update any video). */
export async function loadManageableImport (id: number, user: AuthenticatedUser): Promise<ImportState> {
  const videoImport = await VideoImportModel.loadState(id)
  if (!videoImport) throw notFound('Video import not found')
  const owner = await VideoImportModel.findByPk(id, { attributes: [ 'userId' ] })
  if (owner?.userId !== user.id && !user.hasRight(UserRight.UPDATE_ANY_VIDEO)) {
    throw forbidden('Cannot manage video import of another user', ProblemCode.NOT_ALLOWED)
  }
  return videoImport
}

/** Stops a pending or running import (its job sees the state and stops); one that is over is a 409. */
export async function cancelImport (videoImport: ImportState) {
  if (ENDED_IMPORT_STATES.includes(videoImport.state)) throw conflict('Cannot cancel a video import that is over')

  const [ changed ] = await VideoImportModel.update(
    { state: VideoImportState.CANCELLED },
    { where: { id: videoImport.id, state: [ VideoImportState.PENDING, VideoImportState.PROCESSING ] } }
  )
  if (changed === 0) throw conflict('Cannot cancel a video import that is over')
}

/** Deletes an import that is over; one still pending is a 409. */
export async function deleteEndedImport (videoImport: ImportState) {
  if (!ENDED_IMPORT_STATES.includes(videoImport.state)) {
    throw conflict('Cannot delete a pending video import. Cancel it or wait for the end of the import first.')
  }

  // As PeerTube: the video of an import that did not succeed has no content and goes with it.
  if (videoImport.state !== VideoImportState.SUCCESS && videoImport.videoId) {
    const video = await findVideoById(videoImport.videoId, 'details')
    if (video) await deleteVideo(video)
  }
  await VideoImportModel.destroy({ where: { id: videoImport.id } })
}
