import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { homePathFor } from '@/lib/territories/queries';

export const dynamic = 'force-dynamic';

export default async function Home() {
  const actor = await getActor();
  redirect(actor ? await homePathFor(actor) : '/connexion');
}
