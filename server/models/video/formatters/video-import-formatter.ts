import { VIDEO_IMPORT_STATE_LABELS, type VideoImportJson } from '../../../../shared/models/video-imports.js'
import type { VideoImportWithVideo } from '../video-loaded.js'
import { formatVideo } from './video-formatter.js'

/** PeerTube's `VideoImport`, with its video (null once deleted). */
export function formatVideoImport (videoImport: VideoImportWithVideo): VideoImportJson {
  return {
    id: videoImport.id,
    targetUrl: videoImport.targetUrl,
    magnetUri: videoImport.magnetUri,
    torrentName: videoImport.torrentName,
    state: { id: videoImport.state, label: VIDEO_IMPORT_STATE_LABELS[videoImport.state] ?? 'Unknown' },
    error: videoImport.error,
    createdAt: videoImport.createdAt.toISOString(),
    updatedAt: videoImport.updatedAt.toISOString(),
    video: videoImport.Video ? formatVideo(videoImport.Video) as unknown as Record<string, unknown> : null
  }
}
