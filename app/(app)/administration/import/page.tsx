import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { requireActor } from '@/lib/auth/session';
import { listImportRuns } from '@/lib/imports/territories';
import { orNotFound } from '@/lib/pages';
import { formatDateTime } from '@/lib/labels';
import { ImportForm } from './import-form';

export const metadata: Metadata = { title: 'Import de la liste officielle' };

export default async function ImportPage() {
  const actor = await requireActor();
  const runs = await orNotFound(listImportRuns(actor));
  return (
    <>
      <PageHeader
        title="Import de la liste officielle des territoires"
        description="Crée ou met à jour les territoires et leur composition (EPCI, départements, régions) à partir de la liste officielle publiée par l’ANCT. Un aperçu montre d’abord ce que le fichier va faire ; rien n’est modifié avant votre confirmation. Un territoire est reconnu par son identifiant officiel (id_ti) : un nouveau nom le renomme, un territoire absent du fichier est signalé sans être supprimé. Réimporter le même fichier ne change rien ; un fichier mal formé est refusé sans aucune modification."
      />
      <Card>
        <ImportForm />
      </Card>
      <Card title="Imports précédents" headingLevel={2} className="mt-8">
        {runs.length === 0 ? (
          <p>Aucun import.</p>
        ) : (
          <ul className="space-y-2">
            {runs.map((r) => {
              const rep = r.report as { created?: unknown[]; updated?: unknown[]; unchanged?: number; missing?: unknown[] };
              return (
                <li key={r.id}>
                  {formatDateTime(r.createdAt)} — {r.filename ?? 'fichier'} : {rep.created?.length ?? 0} créé(s), {rep.updated?.length ?? 0} mis à jour,{' '}
                  {rep.unchanged ?? 0} inchangé(s){rep.missing?.length ? `, ${rep.missing.length} absent(s) du fichier` : ''}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </>
  );
}
