import { VIDEO_IMPORT_STATE_LABELS, type VideoImportJson } from '../../../../shared/models/video-imports.js'
import type { VideoImportModel } from '../video-import.js'
import { asVideoSummary } from '../video-loaded.js'
import { formatVideo } from './video-formatter.js'

/** PeerTube's `VideoImport`. Needs Video loaded with its summary includes (or null once deleted). */
export function formatVideoImport (videoImport: VideoImportModel): VideoImportJson {
  return {
    id: videoImport.id,
    targetUrl: videoImport.targetUrl,
    magnetUri: videoImport.magnetUri,
    torrentName: videoImport.torrentName,
    state: { id: videoImport.state, label: VIDEO_IMPORT_STATE_LABELS[videoImport.state] ?? 'Unknown' },
    error: videoImport.error,
    createdAt: videoImport.createdAt.toISOString(),
    updatedAt: videoImport.updatedAt.toISOString(),
    video: videoImport.Video ? formatVideo(asVideoSummary(videoImport.Video)) as unknown as Record<string, unknown> : null
  }
}
