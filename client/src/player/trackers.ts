// Browsers can only reach WebSocket trackers; fall back to this instance's own when a video lists none.

export function webSocketTrackers (trackerUrls: string[] | undefined): string[] {
  const sockets = (trackerUrls ?? []).filter(url => /^wss?:\/\//i.test(url))
  if (sockets.length > 0) return sockets
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:'
  return [`${protocol}//${window.location.host}/tracker/socket`]
}
