// Display helpers: sizes, speeds, durations, dates, in the interface language.
import { currentLanguage, t } from '../i18n/i18n.js'

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const

export function formatBytes (bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–'
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024
    unit++
  }
  const number = value >= 10 || unit === 0 ? Math.round(value) : Number(value.toFixed(1))
  return `${number.toLocaleString(currentLanguage())} ${t(`unit.${BYTE_UNITS[unit]}`)}`
}

export function formatSpeed (bytesPerSecond: number): string {
  return t('unit.perSecond', { value: formatBytes(bytesPerSecond) })
}

/** 75 -> "1:15", 3725 -> "1:02:05". */
export function formatDuration (seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '–'
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const rest = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`
}

export function formatDate (iso: string | null | undefined): string {
  if (!iso) return '–'
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(currentLanguage(), { year: 'numeric', month: 'short', day: 'numeric' })
}

export function formatDateTime (iso: string | null | undefined): string {
  if (!iso) return '–'
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(currentLanguage(), { dateStyle: 'medium', timeStyle: 'short' })
}

/** Quota values: -1 means unlimited. */
export function formatQuota (bytes: number): string {
  return bytes < 0 ? t('unit.unlimited') : formatBytes(bytes)
}
