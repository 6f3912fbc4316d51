// The mails the app sends, in French. Each returns subject + text + HTML (+ headers).
import { absoluteUrl } from './config';
import { CATEGORY_LABELS, type Category } from './categories';
import { renderHtml, renderText, type MailContent } from './render';
import { unsubscribeToken } from './unsubscribe-token';

export interface MailMessage {
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

const build = (subject: string, content: MailContent, headers?: Record<string, string>): MailMessage => ({
  subject,
  text: renderText(content),
  html: renderHtml(content),
  ...(headers ? { headers } : {}),
});

const parisDateTime = (d: Date) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(d);

const notMeFooter = {
  text: 'Vous n’êtes pas à l’origine de cette demande ? Ignorez ce message ; rien ne change sans ce lien.',
};

export function invitationMail(input: { name: string; activationPath: string; expiresAt: Date; invitedBy: string }): MailMessage {
  return build('Votre compte Territoires d’industrie est prêt à être activé', {
    heading: 'Activez votre compte',
    greeting: `Bonjour ${input.name},`,
    paragraphs: [
      `${input.invitedBy} vous a ouvert un compte sur l’outil de pilotage des plans d’actions du programme Territoires d’industrie.`,
      `Choisissez votre mot de passe avec le lien ci-dessous. Il ne sert qu’une fois et reste valable jusqu’au ${parisDateTime(input.expiresAt)} (heure de Paris).`,
    ],
    action: { label: 'Activer mon compte', url: absoluteUrl(input.activationPath) },
    footer: [{ text: 'Ce lien a expiré ? Demandez-en un nouveau à l’équipe nationale du programme.' }],
  });
}

export function passwordResetMail(input: { name: string; token: string; expiresAt: Date }): MailMessage {
  return build('Réinitialisation de votre mot de passe', {
    heading: 'Choisissez un nouveau mot de passe',
    greeting: `Bonjour ${input.name},`,
    paragraphs: [
      'Une demande de réinitialisation du mot de passe de votre compte Territoires d’industrie a été faite.',
      `Le lien ci-dessous ne sert qu’une fois et reste valable une heure, jusqu’au ${parisDateTime(input.expiresAt)} (heure de Paris). En l’utilisant, vous serez déconnecté·e de tous vos appareils.`,
    ],
    action: { label: 'Choisir un nouveau mot de passe', url: absoluteUrl(`/mot-de-passe/${input.token}`) },
    footer: [notMeFooter],
  });
}

export function passwordChangedMail(input: { name: string; at: Date; how: 'change' | 'reset' }): MailMessage {
  return build('Votre mot de passe a été modifié', {
    heading: 'Votre mot de passe a été modifié',
    greeting: `Bonjour ${input.name},`,
    paragraphs: [
      `Le mot de passe de votre compte Territoires d’industrie a été ${input.how === 'reset' ? 'réinitialisé' : 'modifié depuis la page « Mon compte »'} le ${parisDateTime(input.at)} (heure de Paris).`,
      'Si c’est bien vous, il n’y a rien d’autre à faire. Sinon, réinitialisez tout de suite votre mot de passe et prévenez l’équipe nationale du programme.',
    ],
    action: { label: 'Réinitialiser mon mot de passe', url: absoluteUrl('/mot-de-passe-oublie') },
  });
}

function unsubscribe(userId: string, category: Category) {
  const token = unsubscribeToken(userId, category);
  return {
    oneClick: absoluteUrl(`/api/v1/email/unsubscribe/${token}`),
    page: absoluteUrl(`/desabonnement/${token}`),
  };
}

const listHeaders = (oneClick: string) => ({
  'List-Unsubscribe': `<${oneClick}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

export function notificationMail(input: {
  userId: string;
  name: string;
  category: Category;
  title: string;
  link: string | null;
}): MailMessage {
  const u = unsubscribe(input.userId, input.category);
  return build(
    input.title,
    {
      heading: input.title,
      greeting: `Bonjour ${input.name},`,
      paragraphs: ['Cette notification est aussi visible dans l’outil, à la page « Notifications ».'],
      ...(input.link ? { action: { label: 'Voir dans l’outil', url: absoluteUrl(input.link) } } : {}),
      footer: [
        { text: `Vous recevez ce message car vous êtes abonné·e par e-mail à « ${CATEGORY_LABELS[input.category]} ».` },
        { text: 'Ne plus recevoir ces messages par e-mail :', link: { label: 'me désabonner', url: u.page } },
        { text: 'Toutes vos préférences :', link: { label: 'Mon compte', url: absoluteUrl('/compte') } },
      ],
    },
    listHeaders(u.oneClick),
  );
}

export function digestMail(input: {
  userId: string;
  name: string;
  weekLabel: string;
  items: { category: Category; title: string; link: string | null }[];
}): MailMessage {
  const categories = [...new Set(input.items.map((i) => i.category))];
  const first = categories[0] as Category;
  // One-click unsubscribes from the digest's categories one at a time; the page lists all.
  const u = unsubscribe(input.userId, first);
  const n = input.items.length;
  return build(
    `Votre récapitulatif hebdomadaire : ${n} notification${n > 1 ? 's' : ''}`,
    {
      heading: `Récapitulatif de la semaine ${input.weekLabel}`,
      greeting: `Bonjour ${input.name},`,
      paragraphs: [`Voici ${n > 1 ? `les ${n} notifications` : 'la notification'} de la semaine que vous avez choisi de recevoir en récapitulatif.`],
      items: input.items.map((i) => ({ text: i.title, ...(i.link ? { url: absoluteUrl(i.link) } : {}) })),
      action: { label: 'Voir toutes mes notifications', url: absoluteUrl('/notifications') },
      footer: [
        { text: `Vous recevez ce récapitulatif pour : ${categories.map((c) => `« ${CATEGORY_LABELS[c]} »`).join(', ')}.` },
        { text: `Ne plus recevoir « ${CATEGORY_LABELS[first]} » par e-mail :`, link: { label: 'me désabonner', url: u.page } },
        { text: 'Choisir pour chaque type de notification :', link: { label: 'Mon compte', url: absoluteUrl('/compte') } },
      ],
    },
    listHeaders(u.oneClick),
  );
}
