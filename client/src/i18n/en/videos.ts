// Video lists, cards, search, channels and accounts.
export const videos = {
  'video.views.one': '{count} view',
  'video.views.other': '{count} views',
  'video.sensitive': 'Sensitive content',
  'video.live': 'LIVE',
  'video.emptyList': 'No videos here yet.',
  'video.category': 'Category',
  'video.licence': 'Licence',
  'video.language': 'Language',
  'video.tags': 'Tags',
  'video.originallyPublished': 'Originally published',
  'video.deleteConfirm': 'Delete “{name}”? This cannot be undone.',

  'videos.allCategories': 'All',
  'videos.removeTag': 'Remove the tag {tag}',
  'videos.emptyRecent': 'No video has been published yet.',
  'videos.emptyTrending': 'No video is trending yet.',
  'videos.emptyLocal': 'Nobody on this instance has published a video yet.',
  'videos.emptyFiltered': 'No video matches these filters.',

  'discover.byCategory': 'Category',
  'discover.byChannel': 'Channel',
  'discover.byTag': 'Tag',
  'discover.empty': 'Nothing to discover yet: no video has been published.',

  'search.placeholder': 'Search videos',
  'search.title': 'Search',
  'search.resultsFor': 'Results for “{term}”',
  'search.results.one': '{count} result',
  'search.results.other': '{count} results',
  'search.empty': 'Nothing matches this search.',

  'channel.followers.one': '{count} follower',
  'channel.followers.other': '{count} followers',
  'channel.by': 'by',
  'channel.edit': 'Edit the channel',
  'channel.noVideos': 'This channel has no videos yet.',
  'account.channels': 'Channels',
  'account.noVideos': 'This account has no videos yet.'
}
