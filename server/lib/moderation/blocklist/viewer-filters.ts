import { UserRight } from '../../../../shared/models/users.js'
import type { AuthenticatedUser } from '../../../models/user/authenticated-user.js'
import type { VideoModerationFilters } from '../../../models/moderation/queries/video-moderation-filters.js'
import { forbidden } from '../../http-problems/http-problem.js'
import { ProblemCode } from '../../http-problems/problem-codes.js'
import { instanceAccountId } from '../instance-account.js'

/** PeerTube's VideoInclude bits that moderation answers: blocked videos, and videos of muted owners. */
export const VideoInclude = { BLACKLISTED: 2, BLOCKED_OWNER: 4 } as const

/**
 * What a viewer's video lists leave out: blocked videos, and the videos of accounts and servers muted by the
 * instance or by the viewer. Moderators may ask for either with `include` (PeerTube's flags).
 */
export function videoModerationFiltersFor (user: AuthenticatedUser | undefined, include = 0): VideoModerationFilters {
  const wantsHidden = (include & (VideoInclude.BLACKLISTED | VideoInclude.BLOCKED_OWNER)) !== 0
  if (wantsHidden && !user?.hasRight(UserRight.MANAGE_VIDEO_BLACKLIST)) {
    throw forbidden('Only moderators may list blocked videos or videos of muted accounts', ProblemCode.NOT_ALLOWED)
  }

  const mutedBy = (include & VideoInclude.BLOCKED_OWNER) !== 0 ? [] : [ instanceAccountId(), ...(user ? [ user.Account.id ] : []) ]
  return { excludeBlocked: (include & VideoInclude.BLACKLISTED) === 0, mutedByAccountIds: mutedBy }
}

/** The accounts whose mutes apply to this viewer: the instance's, and the viewer's own. */
export function blockingAccountIdsFor (user: AuthenticatedUser | undefined) {
  return [ instanceAccountId(), ...(user ? [ user.Account.id ] : []) ]
}
