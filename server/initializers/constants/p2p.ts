/** PeerTube's p2p-media-loader swarm version; part of the swarm ids, so peers of both agree on them. */
export const P2P_MEDIA_LOADER_PEER_VERSION = 2
