// /c/:handle (channel) and /a/:name (account): banner, picture, description, support, and their videos.
import { getAccount, getChannel, listAccountChannels, listAccountVideos, listChannelVideos } from '../api/channels.js'
import { Avatar, pickImage } from '../components/Avatar.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { Markdown } from '../components/Markdown.js'
import { Pagination, pageFromQuery } from '../components/Pagination.js'
import { SupportButton } from '../components/SupportButton.js'
import { UnavailablePage } from '../components/UnavailablePage.js'
import { VideoGrid, accountPath, channelPath } from '../components/VideoCard.js'
import { t, tn } from '../i18n/i18n.js'
import { nsfwListParam, sessionStore } from '../lib/session.js'
import { useStore } from '../lib/store.js'
import { useAsync } from '../lib/use-async.js'
import { useLocation } from '../router.js'
import { AccountModerationActions } from '../components/moderation/AccountModerationActions.js'
import { CatalogueSyncStatus } from '../components/CatalogueSyncStatus.js'
import { PlaylistGrid } from '../components/PlaylistCard.js'
import { SubscribeButton } from '../components/SubscribeButton.js'
import { listChannelPlaylists } from '../api/playlists.js'

const PAGE_SIZE = 24

export function ChannelPage ({ handle }: { handle: string }) {
  const { query } = useLocation()
  const { user } = useStore(sessionStore)
  const page = pageFromQuery(query)
  const channel = useAsync(() => getChannel(handle), [handle])
  const videos = useAsync(() => listChannelVideos(handle, { start: (page - 1) * PAGE_SIZE, count: PAGE_SIZE, sort: '-publishedAt', nsfw: nsfwListParam() }), [handle, page])
  const playlists = useAsync(() => listChannelPlaylists(handle), [handle])

  if (channel.error) return <UnavailablePage what="channel" error={channel.error} />
  const c = channel.data
  const banner = pickImage(c?.banners, 1200)
  const mine = !!c && !!user && c.ownerAccount?.userId === user.id
  return (
    <section data-testid="channel-page">
      {c && (
        <header class="profile">
          {banner && <img class="banner" src={banner.path} alt="" data-testid="channel-banner" />}
          <div class="profile-head">
            <Avatar images={c.avatars} name={c.displayName} size={72} />
            <div>
              <h1 data-testid="channel-name">{c.displayName}</h1>
              <p class="muted">{c.name}@{c.host} · {tn('channel.followers', c.followersCount)}
                {c.ownerAccount && <> · {t('channel.by')} <a href={accountPath(c.ownerAccount)}>{c.ownerAccount.displayName}</a></>}
              </p>
            </div>
            <p class="actions">
              {c.support && <SupportButton text={c.support} name={c.displayName} />}
              {mine && <a class="button" href={`/my-library/video-channels/update/${c.name}`} data-testid="channel-edit-link">{t('channel.edit')}</a>}
              <SubscribeButton handle={handle} />
            </p>
          </div>
          <CatalogueSyncStatus handle={handle} />
          {c.ownerAccount && <AccountModerationActions account={c.ownerAccount} />}
          <Markdown source={c.description} testId="channel-description" />
        </header>
      )}
      <ErrorAlert error={videos.error} />
      {videos.data && <VideoGrid videos={videos.data.data} empty={t('channel.noVideos')} />}
      {videos.data && <Pagination total={videos.data.total} page={page} pageSize={PAGE_SIZE} />}
      {playlists.data && playlists.data.total > 0 && (
        <section data-testid="channel-playlists">
          <h2>{t('playlists.title')}</h2>
          <PlaylistGrid playlists={playlists.data.data} />
        </section>
      )}
    </section>
  )
}

export function AccountPage ({ name }: { name: string }) {
  const { query } = useLocation()
  const page = pageFromQuery(query)
  const account = useAsync(() => getAccount(name), [name])
  const channels = useAsync(() => listAccountChannels(name), [name])
  const videos = useAsync(() => listAccountVideos(name, { start: (page - 1) * PAGE_SIZE, count: PAGE_SIZE, sort: '-publishedAt', nsfw: nsfwListParam() }), [name, page])

  if (account.error) return <UnavailablePage what="account" error={account.error} />
  const a = account.data
  return (
    <section data-testid="account-page">
      {a && (
        <header class="profile">
          <div class="profile-head">
            <Avatar images={a.avatars} name={a.displayName} size={72} />
            <div>
              <h1 data-testid="account-name">{a.displayName}</h1>
              <p class="muted">{a.name}@{a.host} · {tn('channel.followers', a.followersCount)}</p>
            </div>
          </div>
          <AccountModerationActions account={a} />
          <Markdown source={a.description} />
        </header>
      )}
      {channels.data && channels.data.data.length > 0 && (
        <nav aria-label={t('account.channels')} class="chips">
          {channels.data.data.map(ch => <a key={ch.id} class="chip" href={channelPath(ch)}>{ch.displayName}</a>)}
        </nav>
      )}
      <ErrorAlert error={videos.error} />
      {videos.data && <VideoGrid videos={videos.data.data} empty={t('account.noVideos')} />}
      {videos.data && <Pagination total={videos.data.total} page={page} pageSize={PAGE_SIZE} />}
    </section>
  )
}

export default ChannelPage
