import type { about as en } from '../en/about.js'
import type { Translation } from '../en/index.js'

export const about: Translation<typeof en> = {
  'about.title': 'À propos de {name}',
  'about.who': 'Qui s’en occupe',
  'about.whoUnknown': 'Les administrateur·ices ne se sont pas encore présenté·es.',
  'about.administrator': 'Administration',
  'about.creationReason': 'Pourquoi cette instance existe',
  'about.maintenance': 'Combien de temps elle sera maintenue',
  'about.businessModel': 'Comment elle est financée',
  'about.rules': 'Règles',
  'about.terms': 'Conditions d’utilisation',
  'about.codeOfConduct': 'Code de conduite',
  'about.moderation': 'Modération',
  'about.figures': 'En chiffres',
  'about.stats.users': 'Utilisateur·ices',
  'about.stats.localVideos': 'Vidéos publiées ici',
  'about.stats.views': 'Vues de ces vidéos',
  'about.stats.videos': 'Vidéos connues, d’ici et d’ailleurs',
  'about.stats.storage': 'Stockage des vidéos',
  'about.federation': 'Fédération',
  'about.federationExplain': 'Les instances qui se suivent affichent les vidéos les unes des autres.',
  'about.following.one': 'Suit {count} instance',
  'about.following.other': 'Suit {count} instances',
  'about.followers.one': 'Suivie par {count} instance',
  'about.followers.other': 'Suivie par {count} instances',
  'about.none': 'Aucune pour l’instant.',
  'about.software': 'Logiciel et matériel',
  'about.hardware': 'Matériel',
  'about.softwareText': 'Fonctionne avec Tubeless {version}, qui parle les protocoles de PeerTube.'
}
