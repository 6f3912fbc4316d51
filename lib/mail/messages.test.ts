import { describe, expect, it } from 'vitest';
import { invitationMail, notificationMail, passwordResetMail } from './messages';
import { renderHtml, renderText } from './render';
import { verifyUnsubscribeToken } from './unsubscribe-token';

describe('mail rendering', () => {
  it('gives a plain-text part and an accessible, escaped HTML part', () => {
    const content = { heading: 'Titre <b>', paragraphs: ['Un & deux'], action: { label: 'Ouvrir', url: 'https://x.test/a?b=1&c=2' } };
    const html = renderHtml(content);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<title>Titre &lt;b&gt;</title>');
    expect(html).toContain('<h1');
    expect(html).toContain('Un &amp; deux');
    expect(html).toContain('href="https://x.test/a?b=1&amp;c=2"');
    expect(html).not.toMatch(/<script|<img/i);
    const text = renderText(content);
    expect(text).toContain('Titre <b>');
    expect(text).toContain('Ouvrir :\nhttps://x.test/a?b=1&c=2');
  });

  it('builds absolute links and French subjects', () => {
    const inv = invitationMail({ name: 'Léa', activationPath: '/activation/abc', expiresAt: new Date('2030-01-08T10:00:00Z'), invitedBy: 'David' });
    expect(inv.text).toMatch(/https?:\/\/[^/\s]+\/activation\/abc/);
    expect(inv.text).toContain('8 janvier 2030');
    const reset = passwordResetMail({ name: 'Léa', token: 'tok', expiresAt: new Date() });
    expect(reset.subject).toBe('Réinitialisation de votre mot de passe');
    expect(reset.text).toMatch(/\/mot-de-passe\/tok/);
    expect(reset.headers).toBeUndefined();
  });

  it('puts a signed one-click unsubscribe on notifications', () => {
    const mail = notificationMail({ userId: 'user1', name: 'Léa', category: 'AWAITING_DECISION', title: 'Version 2 à valider', link: '/territoires/x/versions/2' });
    expect(mail.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const token = /unsubscribe\/([^>]+)>/.exec(mail.headers?.['List-Unsubscribe'] ?? '')?.[1] as string;
    expect(verifyUnsubscribeToken(token)).toEqual({ userId: 'user1', category: 'AWAITING_DECISION' });
    expect(verifyUnsubscribeToken(token.replace('AWAITING_DECISION', 'COMMITMENT_OVERDUE'))).toBeNull();
    expect(mail.text).toContain('/desabonnement/');
  });
});
