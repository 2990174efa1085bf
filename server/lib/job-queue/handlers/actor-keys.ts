import type { Job } from 'bull'
import { ActorModel } from '../../../models/actor/actor.js'
import { createActorKeys } from '../../actors/keys.js'
import type { JobPayloads } from '../job-types.js'

/** Gives a local actor that has none a key pair (actors can be created before their keys, which take time). */
export async function processActorKeys (job: Job<JobPayloads['actor-keys']>) {
  const actor = await ActorModel.findByPk(job.data.actorId)
  if (!actor) throw new Error(`Actor ${job.data.actorId} does not exist`)
  if (!actor.isLocal()) throw new Error(`Actor ${actor.url} is remote: its keys are not ours to make`)
  if (actor.publicKey && actor.privateKey) return { skipped: true }

  const { publicKey, privateKey } = await createActorKeys()
  actor.publicKey = publicKey
  actor.privateKey = privateKey
  await actor.save()
  return { skipped: false }
}
