import type { live as en } from '../en/live.js'
import type { Translation } from '../en/index.js'

export const live: Translation<typeof en> = {
  'live.goLive.title': 'Diffuser en direct',
  'live.goLive.disabled': 'Les directs ne sont pas activés sur cette instance.',
  'live.goLive.needChannel': 'Il vous faut une chaîne avant de diffuser en direct.',
  'live.goLive.createChannel': 'En créer une',
  'live.goLive.name': 'Titre',
  'live.goLive.channel': 'Chaîne',
  'live.goLive.privacy': 'Visibilité',
  'live.goLive.latency': 'Latence',
  'live.goLive.permanent': 'Direct permanent (même URL et même clé à chaque session)',
  'live.goLive.saveReplay': 'Enregistrer la rediffusion comme vidéo',
  'live.goLive.replayPrivacy': 'Visibilité de la rediffusion',
  'live.goLive.create': 'Créer le direct',
  'live.goLive.ready': 'Votre direct est prêt',
  'live.goLive.readyExplain': 'Indiquez cette URL et cette clé à OBS (ou à ffmpeg) : le direct commence dès que le flux arrive.',
  'live.goLive.open': 'Ouvrir la page du direct',
  'live.latency.default': 'Par défaut',
  'live.latency.small': 'Faible latence (quelques secondes, sans pair-à-pair)',
  'live.latency.high': 'Latence élevée (plus de partage en pair-à-pair)',
  'live.stream.rtmpUrl': 'URL RTMP',
  'live.stream.rtmpsUrl': 'URL RTMPS',
  'live.stream.key': 'Clé de diffusion',
  'live.stream.keySecret': 'Gardez cette clé secrète : quiconque la possède peut diffuser sur ce direct.',
  'live.stream.settings': 'Paramètres de diffusion',
  'live.watch.waiting': 'Ce direct n’a pas encore commencé : la page le lira dès que le flux arrivera.',
  'live.watch.ended': 'Ce direct est terminé.',
  'live.viewers.one': '{count} spectateur',
  'live.viewers.other': '{count} spectateurs'
}
