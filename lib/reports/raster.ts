// Charts rasterised for the packs (PDF and Word embed PNG): the same SVG as the pages,
// drawn by sharp (libvips, prebuilt, offline; already installed with Next.js). The last
// pictures are kept by their SVG: a pack's PDF and Word versions, or the same pack asked
// twice, rasterise each chart once.
import sharp from 'sharp';
import type { Chart } from './charts';

const pictures = new Map<string, Promise<Buffer>>();
const KEEP = 40;

export function chartPng(chart: Chart): Promise<Buffer> {
  const hit = pictures.get(chart.svg);
  if (hit) return hit;
  const png = sharp(Buffer.from(chart.svg), { density: 144 }).png({ compressionLevel: 6 }).toBuffer();
  pictures.set(chart.svg, png);
  png.catch(() => pictures.delete(chart.svg));
  if (pictures.size > KEEP) pictures.delete(pictures.keys().next().value!);
  return png;
}
