'use client';

// Upload of a plan workbook in two steps, like the territory import: preview
// (POST …/plan/import?dryRun=1), then apply (same file, no dryRun). Every step is
// announced in a live region and the focus moves to the preview, the errors or the
// result heading, so the page works with a keyboard and a screen reader.
import Link from 'next/link';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { ConfirmOrAbandon, FileField, StepSection, UploadRefused, UploadStatus } from '@/components/uploads/upload-steps';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import type { ImportError, PlanImportReport, StaleRow } from '@/lib/plans/workbook';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Step =
  | { kind: 'idle' }
  | { kind: 'working'; mode: 'preview' | 'apply' }
  | { kind: 'preview'; report: PlanImportReport }
  | { kind: 'done'; report: PlanImportReport }
  | { kind: 'invalid'; report: PlanImportReport }
  | { kind: 'stale'; message: string; rows: StaleRow[]; errors: ImportError[] }
  | { kind: 'error'; message: string; errors: string[] };

/** A 200 report, a 409 naming the stale rows, or an error body (`errors` by field then). */
type Body = Partial<Omit<PlanImportReport, 'errors'>> & {
  message?: string;
  errors?: ImportError[] | { file?: string[] };
  current?: { staleRows?: StaleRow[]; errors?: ImportError[] };
};

export function PlanImportForm({ slug }: { slug: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [status, setStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (step.kind !== 'idle' && step.kind !== 'working') headingRef.current?.focus();
  }, [step]);

  async function run(mode: 'preview' | 'apply') {
    if (!file) {
      setStep({ kind: 'error', message: 'Choisissez un classeur Excel (.xlsx).', errors: [] });
      return;
    }
    setStep({ kind: 'working', mode });
    setStatus(mode === 'preview' ? 'Analyse du classeur…' : 'Import en cours…');
    try {
      const response = await fetch(`/api/v1/territories/${slug}/plan/import${mode === 'preview' ? '?dryRun=1' : ''}`, {
        method: 'POST',
        headers: { 'Content-Type': XLSX },
        body: file,
      });
      const body = (await response.json().catch(() => ({}))) as Body;
      if (response.status === 200) {
        const report = body as unknown as PlanImportReport;
        if (report.errors.length) {
          setStep({ kind: 'invalid', report });
          setStatus(`Classeur refusé : ${report.errors.length} erreur(s), rien n’a été importé.`);
        } else if (mode === 'preview') {
          setStep({ kind: 'preview', report });
          setStatus('Aperçu prêt : rien n’a encore été modifié.');
        } else {
          setStep({ kind: 'done', report });
          // Nothing on this page depends on the plan (no refresh: it would re-render the
          // page, title included, under the focused result).
          setStatus('L’import est fait.');
        }
      } else if (response.status === 409 && body.current?.staleRows) {
        setStep({ kind: 'stale', message: body.message ?? '', rows: body.current.staleRows, errors: body.current.errors ?? [] });
        setStatus('Des actions ont changé depuis le téléchargement : rien n’a été importé.');
      } else {
        const errors = Array.isArray(body.errors) ? [] : (body.errors?.file ?? []);
        setStep({ kind: 'error', message: body.message ?? `Erreur ${response.status}.`, errors });
        setStatus('Classeur refusé : aucune modification n’a été faite.');
      }
    } catch {
      setStep({ kind: 'error', message: 'Le serveur n’a pas pu être joint. Vérifiez votre connexion puis réessayez.', errors: [] });
      setStatus('Échec de l’envoi.');
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run('preview');
  };

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="space-y-6">
        <FileField
          id="plan-file"
          label="Classeur du plan (.xlsx)"
          help="Le classeur téléchargé depuis le plan, modifié dans Excel ou LibreOffice (10 Mo au maximum)."
          accept={`.xlsx,${XLSX}`}
          onFile={(f) => {
            setFile(f);
            setStep({ kind: 'idle' });
          }}
        />
        <button type="submit" disabled={step.kind === 'working'} className={buttonClasses('primary', 'md')}>
          Vérifier le classeur (aperçu)
        </button>
      </form>

      <UploadStatus status={status} />

      {step.kind === 'error' && (
        <UploadRefused id="plan-import-erreur" headingRef={headingRef} label="Erreur du classeur" message={step.message} errors={step.errors} />
      )}

      {step.kind === 'invalid' && (
        <StepSection id="plan-import-erreurs" headingRef={headingRef} title={`Import refusé : ${step.report.errors.length} erreur(s) dans le classeur`}>
          <p>Rien n’a été importé. Corrigez ces cellules puis renvoyez le classeur.</p>
          <ErrorTable errors={step.report.errors} />
        </StepSection>
      )}

      {step.kind === 'stale' && (
        <StepSection id="plan-import-conflit" headingRef={headingRef} title="Import refusé : des actions ont été modifiées depuis le téléchargement">
          <Alert tone="warning" role="region" aria-label="Lignes dont la version est périmée">
            <p>{step.message}</p>
            <ul className="mt-2 list-disc pl-6">
              {step.rows.map((r) => (
                <li key={r.row}>
                  Ligne {r.row} : {r.reference}, version {r.baseVersion} dans le classeur, version {r.version} dans l’application
                  {r.changedBy ? ` (modifiée par ${r.changedBy})` : ''}
                </li>
              ))}
            </ul>
          </Alert>
          {step.errors.length > 0 && <ErrorTable errors={step.errors} />}
        </StepSection>
      )}

      {step.kind === 'preview' && (
        <StepSection id="plan-import-apercu" headingRef={headingRef} title="Aperçu : ce que le classeur va faire">
          <p>Rien n’est encore modifié. Vérifiez l’aperçu puis confirmez l’import.</p>
          <ReportDetails report={step.report} />
          <ConfirmOrAbandon
            confirmDisabled={!step.report.created.length && !step.report.updated.length}
            onConfirm={() => void run('apply')}
            onAbandon={() => {
              setStep({ kind: 'idle' });
              setStatus('Import abandonné : rien n’a été modifié.');
            }}
          />
        </StepSection>
      )}

      {step.kind === 'done' && (
        <StepSection id="plan-import-resultat" headingRef={headingRef} title="Import terminé">
          <Alert tone="success" role="region" aria-label="Résultat de l’import">
            <p>
              {step.report.created.length} action(s) créée(s), {step.report.updated.length} modifiée(s), {step.report.unchanged} inchangée(s).
            </p>
          </Alert>
          <ReportDetails report={step.report} />
          <p>
            <Link href={`/territoires/${slug}/plan`} className="underline">
              Retour au plan d’actions
            </Link>
          </p>
        </StepSection>
      )}
    </div>
  );
}

function ErrorTable({ errors }: { errors: ImportError[] }) {
  return (
    <Table caption="Erreurs du classeur">
      <THead>
        <Tr>
          <Th numeric>Ligne</Th>
          <Th>Colonne</Th>
          <Th>Erreur</Th>
        </Tr>
      </THead>
      <TBody>
        {errors.map((e, i) => (
          <Tr key={`${e.row}-${e.column}-${i}`}>
            <Td numeric>{e.row}</Td>
            <Td>{e.column || '—'}</Td>
            <Td>{e.message}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

function ReportDetails({ report }: { report: PlanImportReport }) {
  return (
    <div className="space-y-4">
      <ul className="list-disc pl-6" aria-label="Résumé">
        <li>{report.created.length} action(s) créée(s)</li>
        <li>{report.updated.length} action(s) modifiée(s)</li>
        <li>{report.unchanged} action(s) inchangée(s)</li>
      </ul>
      {report.updated.length > 0 && (
        <Table caption="Actions modifiées">
          <THead>
            <Tr>
              <Th numeric>Ligne</Th>
              <Th>Action</Th>
              <Th>Champs modifiés</Th>
              <Th numeric>Nouvelle version</Th>
            </Tr>
          </THead>
          <TBody>
            {report.updated.map((u) => (
              <Tr key={u.reference}>
                <Td numeric>{u.row}</Td>
                <Th scope="row">
                  {u.reference} — {u.title}
                </Th>
                <Td>{u.fieldLabels.join(', ')}</Td>
                <Td numeric>{u.version}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {report.created.length > 0 && (
        <Table caption="Actions créées">
          <THead>
            <Tr>
              <Th numeric>Ligne</Th>
              <Th>Titre</Th>
              <Th>Référence</Th>
            </Tr>
          </THead>
          <TBody>
            {report.created.map((c) => (
              <Tr key={c.row}>
                <Td numeric>{c.row}</Td>
                <Th scope="row">{c.title}</Th>
                <Td>{c.reference ?? 'attribuée à l’import'}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
