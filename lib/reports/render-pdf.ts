// A pack as PDF (pdfkit): A4, tagged, with its title and language (fr-FR) in the
// document's metadata. Text uses pdfkit's built-in Helvetica (WinAnsi covers French:
// é, œ, ’, €); the few characters WinAnsi lacks are replaced first. Charts are the
// pages' SVG rasterised to PNG by sharp. The structure tree is filled as the pages are
// drawn (Document → Sect → H1/H2/H3/P, Table → TR → TH/TD, Figure with its alternative
// text); rules, fills and repeated table headers are artifacts.
import PDFDocument from 'pdfkit';
import type { Pack, PackTable } from './pack';
import { chartPng } from './raster';

const MARGIN = 48;
const INK = '#18181b';
const MUTED = '#434a57';
const ACCENT = '#1e3a8a';

/** Characters outside WinAnsi (narrow no-break spaces of fr-FR numbers, arrows, shapes). */
export const winAnsi = (s: string) =>
  s
    .replace(/[\u202f\u2009\u2007]/g, '\u00a0')
    .replace(/[→⟶]/g, '->')
    .replace(/≥/g, '>=')
    .replace(/≤/g, '<=')
    .replace(/[●▲■]/g, '')
    .replace(/[\u2010\u2011]/g, '-');

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

type Struct = PDFKit.PDFStructureElement;

/** Drawing that is not content (rules, fills, a header repeated on a new page). */
function artifact(doc: PDFKit.PDFDocument, draw: () => void): void {
  doc.markContent('Artifact', { type: 'Layout' });
  draw();
  doc.endMarkedContent();
}

function table(doc: PDFKit.PDFDocument, t: PackTable, parent: Struct): void {
  const tableStruct = doc.struct('Table');
  parent.add(tableStruct);
  const width = doc.page.width - 2 * MARGIN;
  const weights = t.widths ?? t.head.map(() => 1);
  const total = weights.reduce((s, w) => s + w, 0);
  const cols = weights.map((w) => (w / total) * width);
  const pad = 3;
  const bottom = () => doc.page.height - MARGIN;
  const rowHeight = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    const line = doc.currentLineHeight(true);
    // Measuring a wrapped text is costly: a cell that fits on one line is one line high.
    return (
      Math.max(
        ...cells.map((c, i) => {
          const w = (cols[i] ?? 40) - 2 * pad;
          const t = winAnsi(c || ' ');
          return !t.includes('\n') && doc.widthOfString(t) <= w ? line : doc.heightOfString(t, { width: w });
        }),
      ) +
      2 * pad
    );
  };
  // `repeat`: the header drawn again at the top of a new page, an artifact (the structure
  // has it once).
  const draw = (cells: string[], bold: boolean, repeat = false) => {
    const h = rowHeight(cells, bold);
    if (doc.y + h > bottom()) {
      doc.addPage();
      if (!bold) artifact(doc, () => draw(t.head, true, true));
    }
    const y = doc.y;
    let x = MARGIN;
    if (bold && !repeat) artifact(doc, () => doc.rect(MARGIN, y, width, h).fill('#e4e7ec'));
    if (bold && repeat) doc.rect(MARGIN, y, width, h).fill('#e4e7ec');
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8).fillColor(INK);
    const row = repeat ? null : doc.struct('TR');
    if (row) tableStruct.add(row);
    cells.forEach((c, i) => {
      const cellX = x;
      const paint = () => doc.text(winAnsi(c), cellX + pad, y + pad, { width: (cols[i] ?? 40) - 2 * pad });
      if (row) row.add(doc.struct(bold ? 'TH' : 'TD', {}, paint));
      else paint();
      x += cols[i] ?? 40;
    });
    const rule = () => doc.moveTo(MARGIN, y + h).lineTo(MARGIN + width, y + h).lineWidth(0.5).strokeColor('#bcc3cf').stroke();
    if (repeat) rule();
    else artifact(doc, rule);
    doc.x = MARGIN;
    doc.y = y + h;
  };
  draw(t.head, true);
  for (const r of t.rows) draw(r, false);
  tableStruct.end();
  doc.moveDown(0.8);
}

export async function renderPdf(pack: Pack): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'fr-FR',
    displayTitle: true,
    info: { Title: winAnsi(pack.title), Subject: winAnsi(pack.subtitle), Author: "Territoires d'industrie", Creator: "Territoires d'industrie" },
  });
  const done = collect(doc);
  const root = doc.struct('Document');
  doc.addStructure(root);
  let parent: Struct = root;
  const text = (s: string, size: number, options: { bold?: boolean; color?: string; gap?: number; tag?: 'H1' | 'H2' | 'H3' | 'P' } = {}) => {
    parent.add(
      doc.struct(options.tag ?? 'P', {}, () => {
        doc.font(options.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size).fillColor(options.color ?? INK).text(winAnsi(s), MARGIN, undefined, {
          width: doc.page.width - 2 * MARGIN,
        });
      }),
    );
    doc.moveDown(options.gap ?? 0.4);
  };

  // Cover: title, scope, date and period, key figures. A fiche flows on one page instead.
  const flow = pack.kind === 'action';
  doc.y = flow ? MARGIN : 160;
  text(pack.title, 24, { bold: true, color: ACCENT, gap: 0.6, tag: 'H1' });
  text(pack.subtitle, 14, { gap: flow ? 0.6 : 1.2 });
  text(`Document établi le ${formatLong(pack.date)} à partir des données de l'outil de suivi.`, 11, { color: MUTED });
  if (!flow) text(`Période couverte : du ${formatLong(pack.period.from)} au ${formatLong(pack.period.to)}, ${pack.period.label}.`, 11, { color: MUTED, gap: 1.5 });
  text(flow ? 'En bref' : 'Chiffres clés', flow ? 12 : 14, { bold: true, gap: 0.5, tag: 'H2' });
  table(doc, { head: ['Indicateur', 'Valeur'], rows: pack.keyFigures.map((k) => [k.label, k.value]), widths: [3, 2] }, root);

  for (const section of pack.sections) {
    if (!flow) doc.addPage();
    else if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
    const sect = doc.struct('Sect');
    root.add(sect);
    parent = sect;
    text(section.heading, flow ? 12 : 16, { bold: true, color: ACCENT, gap: flow ? 0.3 : 0.6, tag: 'H2' });
    for (const p of section.charts ? [] : section.paragraphs) text(p, flow ? 9 : 10);
    for (const chart of section.charts ?? []) {
      const png = await chartPng(chart);
      const w = doc.page.width - 2 * MARGIN;
      const h = (w * 300) / 720;
      if (doc.y + h + 60 > doc.page.height - MARGIN) doc.addPage();
      text(chart.title, 11, { bold: true, gap: 0.2, tag: 'H3' });
      const y = doc.y;
      sect.add(doc.struct('Figure', { alt: winAnsi(`${chart.title}. ${chart.summary}`) }, () => doc.image(png, MARGIN, y, { width: w })));
      doc.y = y + h + 4;
      text(chart.summary, 9, { color: MUTED, gap: 0.8 });
    }
    if (section.table) table(doc, section.table, sect);
    sect.end();
    parent = root;
  }
  root.end();
  doc.end();
  return done;
}

const formatLong = (day: string) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
