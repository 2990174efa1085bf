// "Support": the creator's own words on how to help them (a video's or a channel's support text), in a dialog.
import { useState } from 'preact/hooks'
import { t } from '../i18n/i18n.js'
import { Dialog } from './Dialog.js'
import { Icon } from './Icon.js'
import { Markdown } from './Markdown.js'

export function SupportButton ({ text, name }: { text: string; name: string }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="support-open"><Icon name="heart" size={18} /> {t('support.button')}</button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('support.title', { name })} testId="support-dialog">
        <Markdown source={text} testId="support-text" />
      </Dialog>
    </>
  )
}
