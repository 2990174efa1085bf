// My account, "Reports and mutes": where the user follows their reports and manages what they muted.
import { t } from '../../i18n/i18n.js'

export function ModerationSection () {
  return (
    <ul class="plain-list">
      <li><a href="/my-account/abuses" data-testid="my-abuses-link">{t('menu.myReports')}</a> <span class="muted small">— {t('account.moderation.reportsHint')}</span></li>
      <li><a href="/my-account/blocklist" data-testid="my-blocklist-link">{t('menu.myBlocklist')}</a> <span class="muted small">— {t('account.moderation.blocklistHint')}</span></li>
    </ul>
  )
}
