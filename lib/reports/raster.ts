// Charts rasterised for the packs (PDF and Word embed PNG): the same SVG as the pages,
// drawn by sharp (libvips, prebuilt, offline; already installed with Next.js).
import sharp from 'sharp';
import type { Chart } from './charts';

export async function chartPng(chart: Chart): Promise<Buffer> {
  return sharp(Buffer.from(chart.svg), { density: 144 }).png({ compressionLevel: 6 }).toBuffer();
}
