import { randomUUID } from 'node:crypto'
import { loggerWithTags } from '../../../helpers/logger.js'
import { IdentityConflictModel } from '../../../models/activitypub/identity-conflict.js'
import { VideoModel } from '../../../models/video/video.js'
import { badRequest, conflict, notFound } from '../../http-problems/http-problem.js'
import { hasRedundancyOfVideo } from '../../redundancy/redundancy-lookups.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import { getServerActor } from '../server-actor.js'

const log = loggerWithTags('activitypub', 'identity')

/**
 * An administrator's answer to a uuid conflict: which origin's video holds the uuid here. Giving it to the claimant
 * swaps the two videos' uuids (the former holder takes the claimant's substitute), so /videos/<uuid> shows the video
 * the administrator trusts; the rows of every claimant of that uuid then name the new holder. Each video keeps its
 * URL, files and everything else; the choice sticks, since a stored video's uuid never changes on refresh.
 * Local videos always keep their uuid, and a video we mirror keeps its (its mirror's folder is named after it).
 */
export async function chooseUuidHolder (conflictId: number, holderUrl: string) {
  return unitOfWork(async () => {
    const row = await IdentityConflictModel.findByPk(conflictId, { lock: true })
    if (!row) throw notFound('Identity conflict not found')
    if (row.kind !== 'video-uuid') throw conflict(`Only uuid conflicts are resolved by choosing a holder; this one is about a ${row.kind}`)
    if (holderUrl !== row.holderUrl && holderUrl !== row.claimantUrl) {
      throw badRequest('holderUrl must be the URL of the holder or of the claimant of this conflict', 'invalid_holder')
    }
    if (holderUrl === row.holderUrl) {
      await row.update({ resolvedAt: new Date() })
      return row
    }

    const [ holder, claimant ] = await Promise.all([ row.holderUrl, row.claimantUrl ].map(url => VideoModel.findOne({ where: { url }, lock: true })))
    if (!holder || !claimant) throw conflict('One of the two videos is no longer stored here')
    if (!holder.remote) throw conflict('A local video keeps its uuid')
    if (holder.uuid !== row.identifier || claimant.uuid === row.identifier) throw conflict('The uuids changed since this conflict was recorded')
    const serverActor = await getServerActor()
    for (const video of [ holder, claimant ]) {
      if (await hasRedundancyOfVideo(video.id, serverActor.id)) throw conflict(`${video.url} is mirrored here: stop its mirror first`)
    }

    const substitute = claimant.uuid
    // Three steps, as uuids are unique at every moment.
    await holder.update({ uuid: randomUUID() }, { silent: true })
    await claimant.update({ uuid: row.identifier }, { silent: true })
    await holder.update({ uuid: substitute }, { silent: true })

    await IdentityConflictModel.handOverIdentifier({ kind: 'video-uuid', identifier: row.identifier, from: holder.url, to: claimant.url })
    await row.update({ holderUrl: claimant.url, claimantUrl: holder.url, outcome: 'substitute-uuid', substitute, resolvedAt: new Date() })
    log.warn(`An administrator gave the uuid ${row.identifier} to ${claimant.url}; ${holder.url} is now ${substitute}`)
    return row
  })
}
