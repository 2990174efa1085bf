// Labelled form control with its validation message (from `invalid-params`) right below it.
import type { ComponentChildren } from 'preact'
import { ApiError } from '../api/problem.js'

interface FieldProps {
  id: string
  label: string
  error?: string
  hint?: string
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

/** Field errors of an API error, with server field names mapped to form ids when they differ. */
export function fieldErrorsOf (err: unknown, rename: Record<string, string> = {}): Record<string, string> {
  if (!(err instanceof ApiError)) return {}
  const out: Record<string, string> = {}
  for (const [field, message] of Object.entries(err.fieldErrors)) out[rename[field] ?? field] = message
  return out
}

/** The general message to show above a form: the problem `detail`, unless every error is on a field. */
export function formErrorOf (err: unknown, knownFields: string[]): string | null {
  if (!err) return null
  if (err instanceof ApiError) {
    const fields = Object.keys(err.fieldErrors)
    if (fields.length > 0 && fields.every(f => knownFields.includes(f))) return null
    return err.message
  }
  return err instanceof Error ? err.message : String(err)
}
