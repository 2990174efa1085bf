// Share links (full and short) and the <iframe> embed code, each with a copy button.
import { useState } from 'preact/hooks'
import type { VideoDetails } from '../../../shared/models/client-video.js'

export function CopyField ({ id, label, value }: { id: string; label: string; value: string }) {
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setCopied(true)
      setTimeout(() => setCopied(false), 1500)
    } catch {
      (document.getElementById(id) as HTMLInputElement | null)?.select()
    }
  }
  return (
    <div class="copy-field">
      <label for={id}>{label}</label>
      <input id={id} data-testid={id} readOnly value={value} onFocus={e => (e.currentTarget as HTMLInputElement).select()} />
      <button type="button" onClick={copy}>{copied ? 'Copied' : 'Copy'}</button>
    </div>
  )
}

function escapeAttribute (text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export function ShareBox ({ details }: { details: VideoDetails }) {
  const origin = window.location.origin
  const embedUrl = `${origin}/videos/embed/${details.uuid}`
  const embedCode = `<iframe title="${escapeAttribute(details.name)}" width="560" height="315" src="${embedUrl}" frameborder="0" allowfullscreen sandbox="allow-same-origin allow-scripts allow-popups"></iframe>`
  return (
    <details class="share">
      <summary data-testid="share-toggle">Share &amp; embed</summary>
      <CopyField id="share-url" label="Link" value={`${origin}/videos/watch/${details.uuid}`} />
      <CopyField id="share-short-url" label="Short link" value={`${origin}/w/${details.shortUUID}`} />
      <CopyField id="share-embed" label="Embed code" value={embedCode} />
    </details>
  )
}
