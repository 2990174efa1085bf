import { WEBSERVER } from '../../initializers/config/index.js'

// ActivityPub ids of our playlists and their elements: PeerTube's paths.

export const localPlaylistUrl = (uuid: string) => `${WEBSERVER.URL}/video-playlists/${uuid}`
export const localPlaylistElementUrl = (playlistUuid: string, elementId: number) => `${WEBSERVER.URL}/video-playlists/${playlistUuid}/videos/${elementId}`
