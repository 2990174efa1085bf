// Share links (full and short) and the <iframe> embed code, each with a copy button, in a dialog.
import { useState } from 'preact/hooks'
import type { VideoDetails } from '../../../shared/models/client-video.js'
import { Dialog } from '../components/Dialog.js'
import { t } from '../i18n/i18n.js'

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
      <button type="button" onClick={copy}>{copied ? t('common.copied') : t('common.copy')}</button>
    </div>
  )
}

function escapeAttribute (text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export function ShareBox ({ details }: { details: VideoDetails }) {
  const [open, setOpen] = useState(false)
  const origin = window.location.origin
  const embedUrl = `${origin}/videos/embed/${details.uuid}`
  const embedCode = `<iframe title="${escapeAttribute(details.name)}" width="560" height="315" src="${embedUrl}" frameborder="0" allowfullscreen sandbox="allow-same-origin allow-scripts allow-popups"></iframe>`
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="share-toggle">{t('share.button')}</button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('share.title')} testId="share-dialog">
        <CopyField id="share-url" label={t('share.link')} value={`${origin}/videos/watch/${details.uuid}`} />
        <CopyField id="share-short-url" label={t('share.shortLink')} value={`${origin}/w/${details.shortUUID}`} />
        <CopyField id="share-embed" label={t('share.embed')} value={embedCode} />
      </Dialog>
    </>
  )
}
