// Drop a file or choose one.
import { useState } from 'preact/hooks'
import { t } from '../../i18n/i18n.js'

const DEFAULT_EXTENSIONS = [ '.mp4', '.webm', '.ogv', '.mkv', '.mov' ]

export function FilePicker ({ accept, onFile, compact = false }: { accept?: string[]; onFile: (file: File) => void; compact?: boolean }) {
  const [dragging, setDragging] = useState(false)
  const extensions = accept?.length ? accept : DEFAULT_EXTENSIONS
  const pick = (files: FileList | null | undefined) => {
    const file = files?.[0]
    if (file) onFile(file)
  }
  if (compact) {
    return (
      <label class="button file-button" data-testid="upload-choose-another">
        {t('upload.chooseAnother')}
        <input type="file" accept={extensions.join(',')} class="visually-hidden" onChange={e => pick((e.currentTarget as HTMLInputElement).files)} />
      </label>
    )
  }
  return (
    <label
      class={dragging ? 'drop-zone dragging' : 'drop-zone'}
      data-testid="upload-drop-zone"
      onDragOver={e => { e.preventDefault(); setDragging(true) }}
      onDragLeave={() => setDragging(false)}
      onDrop={e => { e.preventDefault(); setDragging(false); pick(e.dataTransfer?.files) }}
    >
      <span>{t('upload.drop')} <u>{t('upload.chooseFile')}</u></span>
      <small class="muted">{extensions.slice(0, 12).join(', ')}{extensions.length > 12 ? '…' : ''}</small>
      <input type="file" accept={extensions.join(',')} data-testid="upload-file-input" class="visually-hidden"
        onChange={e => pick((e.currentTarget as HTMLInputElement).files)} />
    </label>
  )
}
