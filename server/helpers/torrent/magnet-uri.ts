import { encode as encodeMagnetUri } from 'magnet-uri'

/** A file's magnet link. Pure, so formatters (models/) and the torrent builder (lib/video-pipeline) share it. */
export function buildMagnetUri (options: {
  torrentUrl?: string
  infoHash: string
  displayName: string
  trackers: string[]
  webSeeds: string[]
}) {
  // Key order decides parameter order in the link: PeerTube's links read xs, xt, dn, tr..., ws...
  return encodeMagnetUri({
    ...(options.torrentUrl ? { xs: options.torrentUrl } : {}),
    infoHash: options.infoHash,
    name: options.displayName,
    announce: options.trackers,
    urlList: options.webSeeds
  })
}
