// One layout for every mail: a plain-text part and an accessible HTML part (lang, title,
// real headings and paragraphs, a link with its own words, no image, no script).
export interface MailContent {
  /** Also the HTML <title> and heading. */
  heading: string;
  greeting?: string;
  paragraphs: string[];
  /** The one thing to do, shown as a link with its own text and, in text, as a bare URL. */
  action?: { label: string; url: string };
  /** Short list (e.g. the notifications of a digest), each with an optional link. */
  items?: { text: string; url?: string }[];
  /** Small print: why this mail, how to stop it. */
  footer?: { text: string; link?: { label: string; url: string } }[];
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const PRODUCT = 'Territoires d’industrie';

export function renderText(c: MailContent): string {
  const lines: string[] = [c.heading, '='.repeat(Math.min(c.heading.length, 72)), ''];
  if (c.greeting) lines.push(c.greeting, '');
  for (const p of c.paragraphs) lines.push(p, '');
  if (c.items?.length) {
    for (const item of c.items) lines.push(`- ${item.text}${item.url ? `\n  ${item.url}` : ''}`);
    lines.push('');
  }
  if (c.action) lines.push(`${c.action.label} :`, c.action.url, '');
  lines.push('--', PRODUCT);
  for (const f of c.footer ?? []) lines.push(f.link ? `${f.text} ${f.link.label} : ${f.link.url}` : f.text);
  return `${lines.join('\n')}\n`;
}

export function renderHtml(c: MailContent): string {
  const p = (text: string) => `<p style="margin:0 0 16px 0">${escape(text)}</p>`;
  const body = [
    `<p style="margin:0 0 8px 0;font-size:14px;font-weight:bold;color:#1e3a8a">${escape(PRODUCT)}</p>`,
    `<h1 style="margin:0 0 24px 0;font-size:24px;line-height:1.25;color:#111827">${escape(c.heading)}</h1>`,
    c.greeting ? p(c.greeting) : '',
    ...c.paragraphs.map(p),
    c.items?.length
      ? `<ul style="margin:0 0 16px 0;padding-left:24px">${c.items
          .map((i) => `<li style="margin:0 0 8px 0">${i.url ? `<a href="${escape(i.url)}" style="color:#1d4ed8">${escape(i.text)}</a>` : escape(i.text)}</li>`)
          .join('')}</ul>`
      : '',
    c.action
      ? `<p style="margin:24px 0"><a href="${escape(c.action.url)}" style="display:inline-block;padding:12px 20px;background:#1e3a8a;color:#ffffff;text-decoration:underline;font-weight:bold;border-radius:4px">${escape(c.action.label)}</a></p>` +
        `<p style="margin:0 0 16px 0;font-size:14px;color:#374151">Si le lien ne s’ouvre pas, copiez cette adresse dans votre navigateur : <span style="word-break:break-all">${escape(c.action.url)}</span></p>`
      : '',
  ].join('\n');
  const footer = (c.footer ?? [])
    .map(
      (f) =>
        `<p style="margin:0 0 8px 0">${escape(f.text)}${f.link ? ` <a href="${escape(f.link.url)}" style="color:#1d4ed8">${escape(f.link.label)}</a>` : ''}</p>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(c.heading)}</title>
</head>
<body style="margin:0;padding:0;background:#f3f4f6">
<div role="article" aria-label="${escape(c.heading)}" lang="fr" style="max-width:600px;margin:0 auto;padding:32px 24px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#111827">
${body}
<hr style="border:none;border-top:1px solid #d1d5db;margin:32px 0 16px 0">
<footer style="font-size:14px;color:#374151">
${footer}
</footer>
</div>
</body>
</html>
`;
}
