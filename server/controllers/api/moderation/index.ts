import { abusesRouter } from './abuses.js'
import { blocklistsRouter } from './blocklists.js'
import { videoBlocksRouter } from './video-blocks.js'

/** First among the API's features: /videos/blacklist and /users/me/... must match before /videos/:id and /users/:id. */
export const moderationRouters = [ abusesRouter, blocklistsRouter, videoBlocksRouter ]
