import { extractMentions } from '../../helpers/text/mentions.js'
import { MAX_MENTIONS_PER_COMMENT } from '../../initializers/constants/video-comments.js'
import { parseActorHandle } from '../../models/account/actor-handle.js'
import type { ActorModel } from '../../models/actor/actor.js'
import { loadActorByNameAndHost } from '../../models/actor/queries/actor-queries.js'

/**
 * The accounts a comment's text mentions (`@name` for ours, `@name@host` for ours or known remote ones), as
 * their actors. Unknown handles stay plain text: writing a comment never makes us fetch anything.
 */
export async function resolveMentionedActors (text: string): Promise<ActorModel[]> {
  const actors: ActorModel[] = []
  for (const mention of extractMentions(text, MAX_MENTIONS_PER_COMMENT)) {
    const { name, host } = parseActorHandle(mention.host ? `${mention.name}@${mention.host}` : mention.name)
    const actor = await loadActorByNameAndHost(name, host)
    if (actor && actor.type === 'Person' && !actors.some(a => a.id === actor.id)) actors.push(actor)
  }
  return actors
}
