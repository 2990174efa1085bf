// The watch page and the player.
export const watch = {
  'watch.notPublished': '{state}: the video may not play until it is ready.',
  'watch.blockedNotice': 'This video is blocked by the moderators: only you and they can see it.',

  'player.label': 'Video: {name}',
  'player.play': 'Play {name}',
  'player.quality': 'Quality',
  'player.auto': 'Auto',
  'player.audioOnly': 'Audio only',
  'player.noFile': 'This video cannot be played yet: it has no file this browser can read.',
  'player.cannotPlay': 'This video cannot be played in this browser.',
  'player.statsToggle': 'P2P statistics',
  'player.chapters': 'Chapters',
  'player.seek': 'Seek (hover for a preview)',
  'player.statsLabel': 'Peer-to-peer statistics',
  'player.stats.engine': 'Engine',
  'player.stats.peers': 'Peers',
  'player.stats.fromPeers': 'From peers',
  'player.stats.fromServer': 'From server',
  'player.stats.uploaded': 'Uploaded',
  'player.stats.down': 'Down',
  'player.stats.up': 'Up',
  'player.stats.rejected': 'Rejected',

  'download.button': 'Download',
  'download.title': 'Download the video',
  'download.format': 'Format',
  'download.format.web': 'Video file (MP4)',
  'download.format.webHint': 'plays anywhere',
  'download.format.hlsHint': 'the streaming rendition, as one file',
  'download.format.torrent': 'Torrent',
  'download.format.torrentHint': 'for a BitTorrent client, shares with others',
  'download.resolution': 'Resolution',
  'download.getFile': 'Download ({size})',
  'download.getTorrent': 'Download the torrent (video: {size})',

  'share.button': 'Share',
  'share.title': 'Share and embed',
  'share.link': 'Link',
  'share.shortLink': 'Short link',
  'share.embed': 'Embed code',

  'support.button': 'Support',
  'support.title': 'Support {name}',

  'watch.blockedReason': 'Reason: {reason}'
}
