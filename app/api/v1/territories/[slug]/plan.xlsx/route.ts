import { apiRoute } from '@/lib/http';
import { planWorkbook, XLSX_TYPE } from '@/lib/plans/workbook';

// The plan's working actions in the registry's columns, to edit and import back (ADR 0018).
export const GET = apiRoute<{ slug: string }>(async ({ actor, params }) => {
  const { buffer, filename } = await planWorkbook(actor, params.slug);
  return new Response(new Uint8Array(buffer), {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
});
