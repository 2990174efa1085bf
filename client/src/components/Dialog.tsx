// A modal <dialog> (focus is trapped and Escape closes it, by the browser itself).
import type { ComponentChildren } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import { t } from '../i18n/i18n.js'
import { Icon } from './Icon.js'

export function Dialog ({ open, onClose, title, testId, children }: { open: boolean; onClose: () => void; title: string; testId: string; children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])
  return (
    <dialog ref={ref} class="dialog" data-testid={testId} onClose={onClose} aria-labelledby={`${testId}-title`}>
      <header class="dialog-head">
        <h2 id={`${testId}-title`}>{title}</h2>
        <button type="button" class="icon-button" onClick={onClose} aria-label={t('common.close')} data-testid={`${testId}-close`}><Icon name="close" /></button>
      </header>
      {open && children}
    </dialog>
  )
}
