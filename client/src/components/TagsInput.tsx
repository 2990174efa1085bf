// Tags as chips: type a word, Enter or comma adds it; Backspace in the empty box removes the last one.
import { useState } from 'preact/hooks'
import { t } from '../i18n/i18n.js'

interface Props {
  id: string
  tags: string[]
  onChange: (tags: string[]) => void
  max: number
  length: { min: number; max: number }
  invalid?: boolean
}

export function TagsInput ({ id, tags, onChange, max, length, invalid }: Props) {
  const [text, setText] = useState('')
  const [hint, setHint] = useState<string | null>(null)

  const add = (raw: string) => {
    const tag = raw.trim().replace(/^#/, '')
    if (!tag) return
    if (tags.length >= max) return setHint(t('tags.tooMany', { max }))
    if (tag.length < length.min || tag.length > length.max) return setHint(t('tags.length', length))
    if (!tags.some(existing => existing.toLowerCase() === tag.toLowerCase())) onChange([ ...tags, tag ])
    setText('')
    setHint(null)
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault()
      add(text)
    } else if (event.key === 'Backspace' && text === '' && tags.length) {
      onChange(tags.slice(0, -1))
    }
  }

  return (
    <div class={invalid ? 'tags-input field-invalid' : 'tags-input'}>
      <ul class="chips" aria-label={t('video.tags')}>
        {tags.map(tag => (
          <li key={tag} class="chip" data-testid="video-tag">
            {tag} <button type="button" class="link-button" aria-label={t('tags.remove', { tag })} onClick={() => onChange(tags.filter(x => x !== tag))}>×</button>
          </li>
        ))}
      </ul>
      <input id={id} name={id} data-testid="video-tags-input" value={text} disabled={tags.length >= max}
        placeholder={tags.length >= max ? t('tags.full') : t('tags.placeholder')}
        aria-invalid={invalid ? true : undefined} aria-describedby={invalid ? `${id}-error` : undefined}
        onInput={e => { const value = (e.currentTarget as HTMLInputElement).value; if (value.endsWith(',')) add(value.slice(0, -1)); else setText(value) }}
        onKeyDown={onKeyDown} onBlur={() => add(text)} />
      {hint && <small class="muted" role="status">{hint}</small>}
    </div>
  )
}
