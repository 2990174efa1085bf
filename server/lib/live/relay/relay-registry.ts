// The origin's list of instances relaying one of its lives: they announced themselves with a CacheFile (as
// PeerTube's redundancies do) and are listed until that announce expires (they renew it while they relay).
// A few minutes' fact, kept in memory: after a restart, relays are known again at their next announce.

export interface LiveRelay {
  host: string
  /** The relay's URL of the live's master playlist. */
  playlistUrl: string
  expiresAt: string
}

const relaysByVideo = new Map<number, Map<string, LiveRelay>>()

export function recordLiveRelay (videoId: number, relay: LiveRelay) {
  const relays = relaysByVideo.get(videoId) ?? new Map<string, LiveRelay>()
  relays.set(relay.host, relay)
  relaysByVideo.set(videoId, relays)
}

export function listLiveRelays (videoId: number): LiveRelay[] {
  const relays = relaysByVideo.get(videoId)
  if (!relays) return []
  const now = Date.now()
  for (const [ host, relay ] of relays) if (Date.parse(relay.expiresAt) <= now) relays.delete(host)
  return [ ...relays.values() ].sort((a, b) => a.host.localeCompare(b.host))
}

export function clearLiveRelays (videoId: number) {
  relaysByVideo.delete(videoId)
}
