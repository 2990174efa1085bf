import type { watch as en } from '../en/watch.js'
import type { Translation } from '../en/index.js'

export const watch: Translation<typeof en> = {
  'watch.notPublished': '{state} : la vidéo ne sera peut-être pas lisible avant d’être prête.',
  'watch.blockedNotice': 'Cette vidéo est bloquée par la modération : seuls vous et elle pouvez la voir.',

  'player.label': 'Vidéo : {name}',
  'player.play': 'Lire {name}',
  'player.quality': 'Qualité',
  'player.auto': 'Auto',
  'player.audioOnly': 'Audio seul',
  'player.noFile': 'Cette vidéo n’est pas encore lisible : elle n’a aucun fichier que ce navigateur sache lire.',
  'player.cannotPlay': 'Cette vidéo ne peut pas être lue dans ce navigateur.',
  'player.statsToggle': 'Statistiques P2P',
  'player.chapters': 'Chapitres',
  'player.seek': 'Position (survoler pour un aperçu)',
  'player.statsLabel': 'Statistiques pair-à-pair',
  'player.stats.engine': 'Moteur',
  'player.stats.peers': 'Pairs',
  'player.stats.fromPeers': 'Des pairs',
  'player.stats.fromServer': 'Du serveur',
  'player.stats.uploaded': 'Envoyé',
  'player.stats.down': 'Réception',
  'player.stats.up': 'Envoi',
  'player.stats.rejected': 'Rejetés',

  'download.button': 'Télécharger',
  'download.title': 'Télécharger la vidéo',
  'download.format': 'Format',
  'download.format.web': 'Fichier vidéo (MP4)',
  'download.format.webHint': 'se lit partout',
  'download.format.hlsHint': 'la version de diffusion, en un seul fichier',
  'download.format.torrent': 'Torrent',
  'download.format.torrentHint': 'pour un client BitTorrent, partage avec d’autres',
  'download.resolution': 'Définition',
  'download.getFile': 'Télécharger ({size})',
  'download.getTorrent': 'Télécharger le torrent (vidéo : {size})',

  'share.button': 'Partager',
  'share.title': 'Partager et intégrer',
  'share.link': 'Lien',
  'share.shortLink': 'Lien court',
  'share.embed': 'Code d’intégration',

  'support.button': 'Soutenir',
  'support.title': 'Soutenir {name}',
  'watch.blockedReason': 'Raison : {reason}'
}
