import { readFileSync } from 'node:fs'
import { fromRoot } from '../../helpers/project-root.js'

export const SERVER_VERSION: string = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')).version

/**
 * How long an idle keep-alive connection stays open. Node's default (5 s) is shorter than the pools of
 * federating peers keep their sockets: a PeerTube delivery sent on a socket we had just closed fails with "socket
 * hang up" and is not retried (seen against PeerTube 6.3). Longer than the peers' idle time, as nginx's 75 s.
 */
export const HTTP_KEEP_ALIVE_TIMEOUT_MS = 75_000
