// A pack as a Word document (docx): headings, tables with header rows, charts as PNG
// images with their text alternative, French as the document's language.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  ShadingType,
} from 'docx';
import type { Pack, PackTable } from './pack';
import { chartPng } from './raster';

const cell = (text: string, header: boolean, width: number) =>
  new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    shading: header ? { type: ShadingType.CLEAR, fill: 'E4E7EC', color: 'auto' } : undefined,
    children: [new Paragraph({ children: [new TextRun({ text, bold: header, size: 18 })] })],
  });

function table(t: PackTable): Table {
  const weights = t.widths ?? t.head.map(() => 1);
  const total = weights.reduce((s, w) => s + w, 0);
  const pct = weights.map((w) => Math.round((w / total) * 100));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: t.head.map((h, i) => cell(h, true, pct[i] ?? 10)) }),
      ...t.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, false, pct[i] ?? 10)) })),
    ],
  });
}

const formatLong = (day: string) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

export async function renderDocx(pack: Pack): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: pack.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: pack.subtitle, heading: HeadingLevel.HEADING_2 }),
    new Paragraph({ text: `Document établi le ${formatLong(pack.date)} à partir des données de l'outil de suivi.` }),
    new Paragraph({ text: `Période couverte : du ${formatLong(pack.period.from)} au ${formatLong(pack.period.to)}, ${pack.period.label}.` }),
    new Paragraph({ text: 'Chiffres clés', heading: HeadingLevel.HEADING_1 }),
    table({ head: ['Indicateur', 'Valeur'], rows: pack.keyFigures.map((k) => [k.label, k.value]), widths: [3, 2] }),
  ];
  for (const section of pack.sections) {
    children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1, pageBreakBefore: true }));
    if (!section.charts) for (const p of section.paragraphs) children.push(new Paragraph({ text: p }));
    for (const chart of section.charts ?? []) {
      const png = await chartPng(chart);
      children.push(
        new Paragraph({ text: chart.title, heading: HeadingLevel.HEADING_2 }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'png',
              data: png,
              transformation: { width: 600, height: 250 },
              altText: { name: chart.id, title: chart.title, description: chart.summary },
            }),
          ],
        }),
        new Paragraph({ text: chart.summary }),
      );
    }
    if (section.table) children.push(table(section.table));
  }
  const doc = new Document({
    creator: "Territoires d'industrie",
    title: pack.title,
    description: pack.subtitle,
    styles: { default: { document: { run: { font: 'Arial', size: 20, language: { value: 'fr-FR' } } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
