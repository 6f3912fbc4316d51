import { apiRoute } from '@/lib/http';
import { revokeToken } from '@/lib/tokens/tokens';

type P = { id: string };

export const DELETE = apiRoute<P>(async ({ actor, params }) => {
  await revokeToken(actor, params.id);
  return new Response(null, { status: 204 });
});
