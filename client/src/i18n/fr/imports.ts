import type { imports as en } from '../en/imports.js'
import type { Translation } from '../en/index.js'

export const imports: Translation<typeof en> = {
  'imports.title': 'Importer une vidéo',
  'imports.disabled': 'Les imports ne sont pas activés sur cette instance.',
  'imports.tab.url': 'Depuis une URL',
  'imports.tab.torrent': 'Depuis un fichier .torrent',
  'imports.tab.magnet': 'Depuis un lien magnet',
  'imports.url': 'URL du fichier vidéo',
  'imports.urlHint': 'Un lien direct vers un fichier vidéo (MP4, WebM…). Les pages de sites vidéo ne marchent que si l’administrateur a installé yt-dlp.',
  'imports.torrent': 'Fichier .torrent',
  'imports.chooseTorrent': 'Choisissez un fichier .torrent.',
  'imports.magnet': 'Lien magnet',
  'imports.magnetHint': 'Il doit nommer un tracker (tr=) ou une source web (ws=) : cette instance ne cherche pas de pairs par DHT.',
  'imports.name': 'Titre',
  'imports.nameHint': 'Laissez vide pour reprendre le nom du fichier.',
  'imports.channel': 'Chaîne',
  'imports.privacy': 'Visibilité',
  'imports.submit': 'Importer',
  'imports.started': 'Import lancé',
  'imports.startedExplain': '« {name} » est téléchargée par le serveur, puis sera transcodée. Suivez-la dans Mes imports.',
  'imports.myImports': 'Mes imports',
  'imports.another': 'Importer une autre vidéo',
  'imports.refresh': 'Actualiser',
  'imports.empty': 'Vous n’avez encore importé aucune vidéo.',
  'imports.videoGone': 'Vidéo supprimée',
  'imports.cancel': 'Annuler',
  'imports.delete': 'Supprimer',
  'menu.myImports': 'Mes imports',
  'notifications.type.importSuccess': 'Votre import de « {video} » est téléchargé : il est en cours de transcodage',
  'notifications.type.importError': 'Votre import de « {video} » a échoué',
  'upload.orImport': 'Ou importez une vidéo depuis une URL, un .torrent ou un lien magnet'
}
