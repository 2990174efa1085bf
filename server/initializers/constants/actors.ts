/** PeerTube names its server actor `peertube`; remote PeerTube instances look for that name. */
export const SERVER_ACTOR_NAME = 'peertube'
