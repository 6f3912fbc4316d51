// Helpers for integration tests: demo actors from the template database.
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz/policy';
import { findActiveActor } from '@/lib/users/queries';

export async function actor(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const a = await findActiveActor(user.id);
  if (!a) throw new Error(`inactive ${email}`);
  return a;
}

export const DEMO = {
  national: 'anct.national@demo.test',
  admin: 'admin@demo.test',
  sgarOccitanie: 'sgar.occitanie@demo.test',
  regionOccitanie: 'region.occitanie@demo.test',
  sgarGrandEst: 'sgar.grand-est@demo.test',
  cdpTarnNord: 'cdp.tarn-nord@demo.test',
  cdpHautesTerres: 'cdp.hautes-terres-doc@demo.test',
  cdpCastres: 'cdp.castres-revel-castelnaudary@demo.test',
  eluTarnNord: 'elu.tarn-nord@demo.test',
  industrielTarnNord: 'industriel.tarn-nord@demo.test',
  operatorAdeme: 'operateur.ademe@demo.test',
} as const;
