'use client';

// Upload of the official list in two steps: preview (POST …?dryRun=1), then confirm
// (POST with If-Match: the preview's fingerprint). XMLHttpRequest rather than fetch for
// the upload progress; every step is announced in a live region and the focus moves to
// the preview or the result heading, so the page works with a keyboard and a screen reader.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { ConfirmOrAbandon, FileField, StepSection, UploadRefused, UploadStatus } from '@/components/uploads/upload-steps';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import type { ImportReport } from '@/lib/imports/territories';

type Step =
  | { kind: 'idle' }
  | { kind: 'working'; mode: 'preview' | 'apply' }
  | { kind: 'preview'; report: ImportReport; stale?: boolean }
  | { kind: 'done'; report: ImportReport }
  | { kind: 'error'; message: string; errors: string[] };

interface Progress {
  loaded: number;
  total: number;
  phase: 'upload' | 'server';
}

interface ApiResult {
  status: number;
  body: { message?: string; errors?: { file?: string[]; phase?: string[] }; current?: ImportReport } & Partial<ImportReport>;
}

function send(file: File, query: string, fingerprint: string | null, onProgress: (p: Progress) => void): Promise<ApiResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/imports/territories${query}`);
    xhr.setRequestHeader('Content-Type', 'text/csv; charset=utf-8');
    xhr.setRequestHeader('X-Filename', encodeURIComponent(file.name));
    if (fingerprint) xhr.setRequestHeader('If-Match', `"${fingerprint}"`);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size, phase: 'upload' });
    xhr.upload.onload = () => onProgress({ loaded: file.size, total: file.size, phase: 'server' });
    xhr.onload = () => resolve({ status: xhr.status, body: (xhr.response ?? {}) as ApiResult['body'] });
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(file);
  });
}

const kB = (n: number) => `${Math.round(n / 1024).toLocaleString('fr-FR')} ko`;

export function ImportForm() {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState('2');
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [progress, setProgress] = useState<Progress | null>(null);
  const [status, setStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const progressId = useId();

  useEffect(() => {
    if (step.kind === 'preview' || step.kind === 'done' || step.kind === 'error') headingRef.current?.focus();
  }, [step]);

  async function run(mode: 'preview' | 'apply', fingerprint: string | null) {
    if (!file) {
      setStep({ kind: 'error', message: 'Choisissez un fichier CSV.', errors: [] });
      return;
    }
    setStep({ kind: 'working', mode });
    setStatus(mode === 'preview' ? 'Envoi du fichier pour l’aperçu…' : 'Envoi du fichier pour l’import…');
    let lastAnnounced = -1;
    const onProgress = (p: Progress) => {
      setProgress(p);
      if (p.phase === 'server') setStatus(mode === 'preview' ? 'Fichier envoyé. Analyse en cours…' : 'Fichier envoyé. Import en cours…');
      else {
        // Announce by quarters: a screen reader should not read every percent.
        const quarter = Math.floor((p.loaded / Math.max(1, p.total)) * 4);
        if (quarter !== lastAnnounced) {
          lastAnnounced = quarter;
          setStatus(`Envoi du fichier : ${Math.round((p.loaded / Math.max(1, p.total)) * 100)} %`);
        }
      }
    };
    try {
      const query = mode === 'preview' ? `?dryRun=1&phase=${phase}` : `?phase=${phase}`;
      const { status: code, body } = await send(file, query, fingerprint, onProgress);
      setProgress(null);
      if (code === 200) {
        const report = body as ImportReport;
        if (mode === 'preview') {
          setStep({ kind: 'preview', report });
          setStatus('Aperçu prêt : rien n’a encore été modifié.');
        } else {
          setStep({ kind: 'done', report });
          setStatus('L’import est fait.');
          router.refresh();
        }
      } else if (code === 409 && body.current) {
        setStep({ kind: 'preview', report: body.current, stale: true });
        setStatus('La liste des territoires a changé depuis l’aperçu : rien n’a été importé, voici le nouvel aperçu.');
      } else {
        const errors = [...(body.errors?.file ?? []), ...(body.errors?.phase ?? [])];
        setStep({ kind: 'error', message: body.message ?? `Erreur ${code}.`, errors });
        setStatus('Fichier refusé : aucune modification n’a été faite.');
      }
    } catch {
      setProgress(null);
      setStep({ kind: 'error', message: 'Le serveur n’a pas pu être joint. Vérifiez votre connexion puis réessayez.', errors: [] });
      setStatus('Échec de l’envoi.');
    }
  }

  const working = step.kind === 'working';
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run('preview', null);
  };

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="space-y-6">
        <FileField
          id="file"
          label="Fichier CSV de la liste officielle"
          help="Les éditions publiées sur data.gouv.fr : une ligne par commune (insee_com, lib_com, id_ti, lib_ti) ou une ligne par EPCI (id_ti, siren_groupement, lib_groupement, lib_ti facultatif) ; séparateur « , » ou « ; », UTF-8. Les codes de commune des années passées sont rapprochés de la géographie officielle actuelle."
          accept=".csv,text/csv"
          onFile={(f) => {
            setFile(f);
            setStep({ kind: 'idle' });
          }}
        />
        <div>
          <label htmlFor="phase" className="block font-medium">
            Phase du programme
          </label>
          <select id="phase" name="phase" value={phase} onChange={(e) => setPhase(e.target.value)} className="mt-2 block rounded border border-neutral-500 px-3 py-2">
            <option value="2">Phase II (2023-2027)</option>
            <option value="1">Phase I (2018-2022)</option>
          </select>
        </div>
        <button type="submit" disabled={working} className={buttonClasses('primary', 'md')}>
          Importer (aperçu avant confirmation)
        </button>
      </form>

      <UploadStatus status={status} />
      {working && progress && (
        <div>
          <label htmlFor={progressId} className="block text-sm text-neutral-800">
            {progress.phase === 'upload' ? `Envoi : ${kB(progress.loaded)} sur ${kB(progress.total)}` : 'Traitement sur le serveur…'}
          </label>
          {progress.phase === 'upload' ? (
            <progress id={progressId} className="mt-1 w-full" max={progress.total || 1} value={progress.loaded} />
          ) : (
            <progress id={progressId} className="mt-1 w-full" />
          )}
        </div>
      )}

      {step.kind === 'error' && (
        <UploadRefused id="import-erreur" headingRef={headingRef} label="Erreurs du fichier" message={step.message} errors={step.errors} />
      )}

      {step.kind === 'preview' && (
        <StepSection id="import-apercu" headingRef={headingRef} title="Aperçu : ce que le fichier va faire">
          {step.stale && (
            <Alert tone="warning" title="La liste des territoires a changé depuis le premier aperçu">
              <p>Rien n’a été importé. Voici l’aperçu recalculé sur l’état actuel : vérifiez-le avant de confirmer.</p>
            </Alert>
          )}
          <p>Rien n’est encore modifié. Vérifiez l’aperçu puis confirmez l’import.</p>
          <ReportDetails report={step.report} />
          <ConfirmOrAbandon
            onConfirm={() => void run('apply', step.report.fingerprint)}
            onAbandon={() => {
              setStep({ kind: 'idle' });
              setStatus('Import abandonné : rien n’a été modifié.');
            }}
          />
        </StepSection>
      )}

      {step.kind === 'done' && (
        <StepSection id="import-resultat" headingRef={headingRef} title="Import terminé">
          <Alert tone="success" role="region" aria-label="Résultat de l’import">
            <p>
              {step.report.rows.toLocaleString('fr-FR')} lignes lues, {step.report.territories} territoires : {step.report.created.length} créé(s),{' '}
              {step.report.updated.length} mis à jour, {step.report.unchanged} inchangé(s).
            </p>
          </Alert>
          <ReportDetails report={step.report} />
          <p>
            <Link href="/administration/territoires" className="underline">
              Voir les territoires
            </Link>
          </p>
        </StepSection>
      )}
    </div>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  if (!count) return null;
  return (
    <details className="rounded border border-neutral-300 p-4">
      <summary className="cursor-pointer font-semibold">
        {title} ({count})
      </summary>
      <div className="mt-4">{children}</div>
    </details>
  );
}

const VIA: Record<string, string> = {
  'commune-deleguee': 'commune déléguée',
  'commune-associee': 'commune associée',
  'ancien-code': 'ancien code',
  arrondissement: 'arrondissement municipal',
};

function ReportDetails({ report }: { report: ImportReport }) {
  const compositionOnly = report.compositionChanged;
  return (
    <div className="space-y-4">
      <ul className="list-disc pl-6" aria-label="Résumé">
        <li>
          Fichier {report.format === 'communes' ? 'par commune' : 'par EPCI'}, phase {report.phase === 1 ? 'I' : 'II'} : {report.rows.toLocaleString('fr-FR')} lignes,{' '}
          {report.territories} territoires.
        </li>
        <li>{report.created.length} territoire(s) créé(s)</li>
        <li>{report.renamed.length} renommé(s)</li>
        <li>{compositionOnly.length} dont la composition change</li>
        <li>{report.unchanged} inchangé(s)</li>
        <li>{report.missing.length} absent(s) de cette édition (conservés)</li>
        <li>{report.mappedCodes.length} code(s) de commune rapproché(s) de la géographie actuelle</li>
      </ul>
      {report.notes.map((n) => (
        <p key={n} className="text-sm text-neutral-800">
          {n}
        </p>
      ))}
      <Section title="Territoires créés" count={report.created.length}>
        <Table caption="Territoires créés" captionHidden>
          <THead>
            <Tr>
              <Th>Identifiant</Th>
              <Th>Nom</Th>
              <Th numeric>EPCI</Th>
              <Th>Départements</Th>
            </Tr>
          </THead>
          <TBody>
            {report.created.map((c) => (
              <Tr key={c.officialId}>
                <Td>{c.officialId}</Td>
                <Th scope="row">{c.name}</Th>
                <Td numeric>{c.epcis}</Td>
                <Td>{c.departementCodes.join(', ')}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </Section>
      <Section title="Territoires renommés" count={report.renamed.length}>
        <ul className="list-disc pl-6">
          {report.renamed.map((r) => (
            <li key={r.officialId}>
              {r.officialId} : « {r.from} » → « {r.to} »
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Compositions modifiées" count={compositionOnly.length}>
        <ul className="space-y-2">
          {compositionOnly.map((c) => (
            <li key={c.officialId}>
              <p className="font-medium">
                {c.name} ({c.officialId})
              </p>
              <ul className="list-disc pl-6 text-sm">
                {c.epcisAdded.length > 0 && <li>EPCI ajouté(s) : {c.epcisAdded.map((e) => `${e.name} (${e.code})`).join(', ')}</li>}
                {c.epcisRemoved.length > 0 && <li>EPCI retiré(s) : {c.epcisRemoved.map((e) => `${e.name} (${e.code})`).join(', ')}</li>}
                {c.departementsAdded.length > 0 && <li>Départements ajoutés : {c.departementsAdded.join(', ')}</li>}
                {c.departementsRemoved.length > 0 && <li>Départements retirés : {c.departementsRemoved.join(', ')}</li>}
                {c.regionsAdded.length > 0 && <li>Régions ajoutées : {c.regionsAdded.join(', ')}</li>}
                {c.regionsRemoved.length > 0 && <li>Régions retirées : {c.regionsRemoved.join(', ')}</li>}
              </ul>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Territoires absents de cette édition" count={report.missing.length}>
        <p className="mb-2 text-sm">
          Ils ne sont ni supprimés ni modifiés. Décidez de leur sort (suspendu, archivé) depuis leur fiche d’administration.
        </p>
        <ul className="list-disc pl-6">
          {report.missing.map((m) => (
            <li key={m.officialId}>
              <Link href={`/administration/territoires/${m.slug}`} className="underline">
                {m.name} ({m.officialId})
              </Link>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Codes de commune rapprochés" count={report.mappedCodes.length}>
        <ul className="list-disc pl-6">
          {report.mappedCodes.map((m) => (
            <li key={`${m.line}-${m.from}`}>
              Ligne {m.line} : {m.from} {m.fromName} → {m.to} {m.toName} ({VIA[m.via] ?? m.via})
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
