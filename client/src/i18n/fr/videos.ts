import type { videos as en } from '../en/videos.js'
import type { Translation } from '../en/index.js'

export const videos: Translation<typeof en> = {
  'video.views.one': '{count} vue',
  'video.views.other': '{count} vues',
  'video.sensitive': 'Contenu sensible',
  'video.live': 'DIRECT',
  'video.emptyList': 'Pas encore de vidéo ici.',
  'video.category': 'Catégorie',
  'video.licence': 'Licence',
  'video.language': 'Langue',
  'video.tags': 'Mots-clés',
  'video.originallyPublished': 'Publiée à l’origine',
  'video.deleteConfirm': 'Supprimer « {name} » ? C’est définitif.',

  'videos.allCategories': 'Toutes',
  'videos.removeTag': 'Retirer le mot-clé {tag}',
  'videos.emptyRecent': 'Aucune vidéo n’a encore été publiée.',
  'videos.emptyTrending': 'Aucune vidéo n’est encore en tendance.',
  'videos.emptyLocal': 'Personne sur cette instance n’a encore publié de vidéo.',
  'videos.emptyFiltered': 'Aucune vidéo ne correspond à ces filtres.',

  'discover.byCategory': 'Catégorie',
  'discover.byChannel': 'Chaîne',
  'discover.byTag': 'Mot-clé',
  'discover.empty': 'Rien à découvrir pour l’instant : aucune vidéo n’a été publiée.',

  'search.placeholder': 'Rechercher des vidéos',
  'search.title': 'Recherche',
  'search.resultsFor': 'Résultats pour « {term} »',
  'search.results.one': '{count} résultat',
  'search.results.other': '{count} résultats',
  'search.empty': 'Rien ne correspond à cette recherche.',

  'channel.followers.one': '{count} abonné·e',
  'channel.followers.other': '{count} abonné·es',
  'channel.by': 'par',
  'channel.edit': 'Modifier la chaîne',
  'channel.noVideos': 'Cette chaîne n’a pas encore de vidéo.',
  'account.channels': 'Chaînes',
  'account.noVideos': 'Ce compte n’a pas encore de vidéo.'
}
