'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { importTerritoriesForm, type ImportState } from './actions';

export function ImportForm() {
  const [state, action, pending] = useActionState<ImportState, FormData>(importTerritoriesForm, null);
  return (
    <form action={action} className="space-y-6">
      <div>
        <label htmlFor="file" className="block font-medium">
          Fichier CSV de la liste officielle
        </label>
        <p id="file-aide" className="text-sm text-neutral-700">
          Format data.gouv.fr : une ligne par commune, colonnes insee_com, lib_com, id_ti, lib_ti ; séparateur « , » ou « ; », UTF-8.
        </p>
        <input id="file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="file-aide" className="mt-2 block" />
      </div>
      <button type="submit" disabled={pending} className={buttonClasses('primary', 'md')}>
        {pending ? 'Import en cours…' : 'Importer'}
      </button>
      {state && !state.ok && (
        <Alert tone="error" title="Import refusé">
          <p>{state.message}</p>
          {state.errors?.file && (
            <ul className="mt-2 list-disc pl-6">
              {state.errors.file.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {state?.ok && (
        <Alert tone="success" title="Import terminé">
          <p>
            {state.report.rows} lignes lues, {state.report.territories} territoires : {state.report.created.length} créé(s),{' '}
            {state.report.updated.length} mis à jour, {state.report.unchanged} inchangé(s).
          </p>
          {state.report.created.length > 0 && (
            <>
              <p className="mt-2 font-semibold">Créés</p>
              <ul className="list-disc pl-6">
                {state.report.created.map((t) => (
                  <li key={t.officialId}>
                    {t.name} ({t.officialId})
                  </li>
                ))}
              </ul>
            </>
          )}
          {state.report.updated.length > 0 && (
            <>
              <p className="mt-2 font-semibold">Mis à jour</p>
              <ul className="list-disc pl-6">
                {state.report.updated.map((t) => (
                  <li key={t.officialId}>
                    {t.name} ({t.officialId}) : {t.changes.join(' ; ')}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Alert>
      )}
    </form>
  );
}
