// A rendered pack as a download.
import { renderDocx } from './render-docx';
import { renderPdf } from './render-pdf';
import type { Pack } from './pack';

export const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export async function packResponse(pack: Pack, format: keyof typeof MIME): Promise<Response> {
  const body = format === 'pdf' ? await renderPdf(pack) : await renderDocx(pack);
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': MIME[format],
      'Content-Disposition': `attachment; filename="${pack.filename}.${format}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
