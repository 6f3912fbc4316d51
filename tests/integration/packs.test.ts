// Committee packs read back: the PDF through pdftotext (poppler-utils), the DOCX as its XML.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { getPlanOverview } from '@/lib/plans/queries';
import { actionPack, programmePack, regionPack, territoryPack } from '@/lib/reports/pack';
import { listActions } from '@/lib/actions/queries';
import { renderPdf } from '@/lib/reports/render-pdf';
import { renderDocx } from '@/lib/reports/render-docx';
import { formatEuros, formatInteger } from '@/lib/labels';
import { actor, DEMO } from '../fixtures';

const PDFTOTEXT = '/usr/bin/pdftotext';
const hasPdftotext = fs.existsSync(PDFTOTEXT);

let cdp: Actor, sgar: Actor, sgarGrandEst: Actor, national: Actor;
beforeAll(async () => {
  [cdp, sgar, sgarGrandEst, national] = await Promise.all([
    actor(DEMO.cdpTarnNord),
    actor(DEMO.sgarOccitanie),
    actor(DEMO.sgarGrandEst),
    actor(DEMO.national),
  ]);
});

/** Text as a reader extracts it, spaces normalised (fr-FR uses no-break spaces). */
const normal = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

function pdfText(pdf: Buffer): string {
  const file = path.join(os.tmpdir(), `pack-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return normal(execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function pdfInfo(pdf: Buffer): string {
  const file = path.join(os.tmpdir(), `pack-info-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' });
  } finally {
    fs.rmSync(file, { force: true });
  }
}

async function docxText(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  // Concatenate the runs of each paragraph, paragraphs separated by a space.
  return normal(
    xml
      .replace(/<\/w:p>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

describe('committee packs', () => {
  it.skipIf(!hasPdftotext)('territory pack: PDF and DOCX carry the name, the API figures and the late milestones', async () => {
    const plan = await getPlanOverview(cdp, 'tarn-nord');
    const late = await db.milestone.findMany({
      where: { doneAt: null, dueDate: { lt: new Date(new Date().toISOString().slice(0, 10)) }, action: { territory: { slug: 'tarn-nord' }, archivedAt: null } },
      select: { title: true },
    });
    const pack = await territoryPack(cdp, 'tarn-nord');
    const figures = Object.fromEntries(pack.keyFigures.map((k) => [k.label, normal(k.value)]));
    expect(figures['Actions du plan']).toBe(formatInteger(plan.actionCount));
    expect(figures['Budget prévisionnel']).toBe(normal(formatEuros(plan.budgetCents)));
    expect(figures['Jalons en retard']).toBe(formatInteger(plan.lateMilestones));

    const pdf = await renderPdf(pack);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Tarn Nord');
    expect(text).toContain(`Actions du plan ${formatInteger(plan.actionCount)}`);
    expect(text).toContain(normal(formatEuros(plan.budgetCents)));
    expect(text).toContain('Jalons en retard');
    for (const m of late.slice(0, 5)) expect(text).toContain(normal(m.title).slice(0, 20));
    const info = pdfInfo(pdf);
    expect(info).toMatch(/Title:\s+Comité de projet — Tarn Nord/);
    expect(info).toMatch(/Tagged:\s+yes/);

    const docx = await renderDocx(pack);
    const words = await docxText(docx);
    expect(words).toContain('Comité de projet — Tarn Nord');
    expect(words).toContain(normal(formatEuros(plan.budgetCents)));
    for (const m of late.slice(0, 5)) expect(words).toContain(normal(m.title));
    const zip = await JSZip.loadAsync(docx);
    expect(Object.keys(zip.files).some((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toBe(true);
    expect(await zip.file('word/styles.xml')!.async('string')).toContain('w:val="fr-FR"');
  });

  it.skipIf(!hasPdftotext)('French glyphs survive the PDF: œ, ’, €, accents', async () => {
    const pack = await territoryPack(cdp, 'tarn-nord');
    pack.sections.unshift({ heading: 'Contrôle des caractères', paragraphs: ['Cœur de l’écosystème : 1 234,50 € — où ça ? Élevé, À venir, ÇA, naïf.'] });
    const text = pdfText(await renderPdf(pack));
    expect(text).toContain('Cœur de l’écosystème : 1 234,50 € — où ça ? Élevé, À venir, ÇA, naïf.');
  });

  it.skipIf(!hasPdftotext)('region and programme packs: scoped, with their committee period', { timeout: 180_000 }, async () => {
    await expect(regionPack(sgarGrandEst, '76')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(programmePack(sgar)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(territoryPack(sgarGrandEst, 'tarn-nord')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const region = await regionPack(sgar, '76');
    const text = pdfText(await renderPdf(region));
    expect(text).toContain('Revue régionale — Occitanie');
    expect(text).toContain('Tarn Nord');
    const t0 = Date.now();
    const programme = await programmePack(national);
    const [pdf, docx] = await Promise.all([renderPdf(programme), renderDocx(programme)]);
    console.log(`programme pack (demo data): ${Date.now() - t0} ms, PDF ${pdf.length} B, DOCX ${docx.length} B`);
    expect(pdfText(pdf)).toContain('point de gouvernance');
    expect(await docxText(docx)).toContain('État des territoires');
  });

  it.skipIf(!hasPdftotext)('one fiche on one page: the action PDF, scoped', async () => {
    const [first] = await listActions(cdp, 'tarn-nord');
    const pdf = await renderPdf(await actionPack(cdp, first!.id));
    const text = pdfText(pdf);
    expect(text).toContain(`${first!.reference} — ${normal(first!.title)}`.slice(0, 40));
    expect(text).toContain('Fiche action du territoire Tarn Nord');
    expect(pdfInfo(pdf)).toMatch(/Pages:\s+1\n/);
    await expect(actionPack(sgarGrandEst, first!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
