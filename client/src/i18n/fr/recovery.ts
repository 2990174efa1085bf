import type { recovery as en } from '../en/recovery.js'
import type { Translation } from '../en/index.js'

export const recovery: Translation<typeof en> = {
  'recovery.backToLogin': 'Retour à la page de connexion',
  'recovery.noEmail': 'Cette instance ne peut pas envoyer d’e-mails pour l’instant : demandez de l’aide à ses administrateurs.',
  'recovery.forgot.title': 'Mot de passe oublié ?',
  'recovery.forgot.intro': 'Indiquez l’adresse e-mail de votre compte : nous y envoyons un lien pour choisir un nouveau mot de passe.',
  'recovery.forgot.email': 'Votre adresse e-mail',
  'recovery.forgot.submit': 'M’envoyer un lien',
  'recovery.forgot.sent': 'Si un compte a cette adresse, un lien pour choisir un nouveau mot de passe est en route. Il sert une fois, dans l’heure.',
  'recovery.reset.title': 'Choisir un nouveau mot de passe',
  'recovery.reset.submit': 'Changer mon mot de passe',
  'recovery.reset.done': 'Votre mot de passe est changé.',
  'recovery.reset.incomplete': 'Ce lien est incomplet : ouvrez celui de l’e-mail, ou demandez-en un nouveau.',
  'recovery.reset.badLink': 'Ce lien ne fonctionne plus : il a déjà servi, il a expiré ou il a été modifié.',
  'recovery.reset.askAgain': 'Demander un nouveau lien',
  'recovery.verify.title': 'Vérification de l’adresse e-mail',
  'recovery.verify.verifying': 'Vérification…',
  'recovery.verify.done': 'Votre adresse est vérifiée.',
  'recovery.verify.doneRegistration': 'Un modérateur va maintenant examiner votre demande.',
  'recovery.verify.badLink': 'Ce lien de vérification ne fonctionne plus : il a déjà servi ou il a expiré. Demandez-en un nouveau ci-dessous.',
  'recovery.verify.askIntro': 'Votre adresse e-mail doit être confirmée avant que vous puissiez vous connecter. Demandez un nouveau lien :',
  'recovery.verify.resendLabel': 'Votre adresse e-mail',
  'recovery.verify.resend': 'Envoyer un nouveau lien',
  'recovery.verify.resent': 'Si un compte attend la confirmation de cette adresse, un nouveau lien est en route.',

  'contact.title': 'Contacter les administrateurs',
  'contact.disabled': 'Le formulaire de contact n’est pas ouvert sur cette instance.',
  'contact.name': 'Votre nom',
  'contact.email': 'Votre adresse e-mail',
  'contact.subject': 'Objet',
  'contact.body': 'Message',
  'contact.send': 'Envoyer',
  'contact.sent': 'Votre message a été envoyé.',
  'contact.tooSoon': 'Un message a déjà été envoyé d’ici il y a peu : réessayez dans une heure.'
}
