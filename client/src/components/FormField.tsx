// Labelled form control with its validation message right below it.
import type { ComponentChildren } from 'preact'

interface FieldProps {
  id: string
  label: string
  error?: string
  hint?: ComponentChildren
  children: ComponentChildren
}

export function FormField ({ id, label, error, hint, children }: FieldProps) {
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>{label}</label>
      {children}
      {hint && !error && <small id={`${id}-hint`} class="muted">{hint}</small>}
      {error && <small id={`${id}-error`} class="field-error" role="alert" data-testid={`${id}-error`}>{error}</small>}
    </div>
  )
}

/** aria attributes that tie an input to its FormField message. */
export function fieldAria (id: string, error?: string) {
  return { id, name: id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined }
}
