// Previous / next page links for `{ total }` lists; the page lives in the URL (?page=) so it survives reloads.
import { t } from '../i18n/i18n.js'
import { setQuery } from '../router.js'

export function Pagination ({ total, page, pageSize }: { total: number; page: number; pageSize: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  if (pages <= 1) return null
  const go = (target: number) => setQuery({ page: target === 1 ? null : target })
  return (
    <nav class="pagination" aria-label={t('pagination.label')} data-testid="pagination">
      <button type="button" onClick={() => go(page - 1)} disabled={page <= 1} data-testid="pagination-previous">‹ {t('pagination.previous')}</button>
      <span aria-current="page">{t('pagination.position', { page, pages })}</span>
      <button type="button" onClick={() => go(page + 1)} disabled={page >= pages} data-testid="pagination-next">{t('pagination.next')} ›</button>
    </nav>
  )
}

export function pageFromQuery (query: URLSearchParams): number {
  const page = Number(query.get('page') ?? '1')
  return Number.isInteger(page) && page > 0 ? page : 1
}
