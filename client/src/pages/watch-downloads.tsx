// Direct file and torrent download links for every resolution.
import type { VideoDetails, VideoFile } from '../../../shared/models/client-video.js'
import { formatBytes } from '../lib/format.js'

function rows (files: VideoFile[], kind: string) {
  return [...files].sort((a, b) => b.resolution.id - a.resolution.id).map(file => (
    <li key={`${kind}-${file.id}`}>
      <a href={file.fileDownloadUrl} download data-testid="download-file">{file.resolution.label} {kind} ({formatBytes(file.size)})</a>
      {file.torrentDownloadUrl && <> · <a href={file.torrentDownloadUrl} download data-testid="download-torrent">torrent</a></>}
    </li>
  ))
}

export function DownloadList ({ details }: { details: VideoDetails }) {
  const hlsFiles = details.streamingPlaylists?.flatMap(p => p.files) ?? []
  if (!details.files?.length && !hlsFiles.length) return null
  return (
    <details class="downloads" data-testid="downloads">
      <summary>Download</summary>
      <ul>
        {rows(details.files ?? [], 'MP4')}
        {rows(hlsFiles, 'HLS MP4')}
      </ul>
    </details>
  )
}
