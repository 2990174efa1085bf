// "Download": pick a resolution and a format, get one file — not a list of every file the server keeps.
import { useState } from 'preact/hooks'
import type { VideoDetails, VideoFile } from '../../../shared/models/client-video.js'
import { Dialog } from '../components/Dialog.js'
import { Icon } from '../components/Icon.js'
import { t, type MessageKey } from '../i18n/i18n.js'
import { formatBytes } from '../lib/format.js'
import { resolutionLabel } from '../player/engine.js'

type Format = 'web' | 'hls' | 'torrent'

interface Choice { format: Format; label: MessageKey; hint: MessageKey; files: VideoFile[] }

/** What can be downloaded, per format: the web video MP4 (or, without one, the HLS rendition's MP4) and the torrent. */
export function downloadChoices (details: VideoDetails): Choice[] {
  const web = details.files ?? []
  const hls = details.streamingPlaylists?.flatMap(p => p.files) ?? []
  const choices: Choice[] = []
  if (web.length) choices.push({ format: 'web', label: 'download.format.web', hint: 'download.format.webHint', files: web })
  else if (hls.length) choices.push({ format: 'hls', label: 'download.format.web', hint: 'download.format.hlsHint', files: hls })
  const torrents = [ ...web, ...hls ].filter(f => f.torrentDownloadUrl)
  if (torrents.length) choices.push({ format: 'torrent', label: 'download.format.torrent', hint: 'download.format.torrentHint', files: web.length ? web.filter(f => f.torrentDownloadUrl) : torrents })
  return choices
}

function sortedByResolution (files: VideoFile[]) {
  return [ ...files ].sort((a, b) => b.resolution.id - a.resolution.id)
}

export function DownloadButton ({ details }: { details: VideoDetails }) {
  const [open, setOpen] = useState(false)
  const choices = downloadChoices(details)
  const [format, setFormat] = useState<Format>(choices[0]?.format ?? 'web')
  const choice = choices.find(c => c.format === format) ?? choices[0]
  const files = sortedByResolution(choice?.files ?? [])
  const [resolution, setResolution] = useState<number>(files[0]?.resolution.id ?? 0)
  if (!choice) return null
  const file = files.find(f => f.resolution.id === resolution) ?? files[0]
  const href = choice.format === 'torrent' ? file.torrentDownloadUrl ?? '' : file.fileDownloadUrl

  return (
    <span data-testid="downloads">
      <button type="button" onClick={() => setOpen(true)} data-testid="download-open"><Icon name="download" size={18} /> {t('download.button')}</button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('download.title')} testId="download-dialog">
        <fieldset class="choice-list">
          <legend>{t('download.format')}</legend>
          {choices.map(c => (
            <label class="inline" key={c.format}>
              <input type="radio" name="download-format" value={c.format} checked={c.format === choice.format} data-testid={`download-format-${c.format}`}
                onChange={() => setFormat(c.format)} /> {t(c.label)} <small class="muted">{t(c.hint)}</small>
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="download-resolution">{t('download.resolution')}</label>
          <select id="download-resolution" data-testid="download-resolution" value={String(file.resolution.id)}
            onChange={e => setResolution(Number((e.currentTarget as HTMLSelectElement).value))}>
            {files.map(f => <option key={f.id} value={String(f.resolution.id)}>{resolutionLabel(f.resolution.id)} · {formatBytes(f.size)}</option>)}
          </select>
        </div>
        <p class="actions">
          <a class="button primary" href={href} download data-native data-testid="download-link">
            <Icon name="download" size={18} /> {t(choice.format === 'torrent' ? 'download.getTorrent' : 'download.getFile', { size: formatBytes(file.size) })}
          </a>
        </p>
      </Dialog>
    </span>
  )
}
