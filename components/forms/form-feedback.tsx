'use client';

// The feedback banner of every form: error summary (linked to the fields, focused on a failed
// submit), failure, the conflict panel (per field: keep mine / take theirs), resumed, saved.
import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { conflictAuthor } from './conflict';
import { summaryTitle, type SummaryItem } from './errors';
import { focusById, type FormApi } from './use-form';

export function ErrorSummary({ items, message }: { items: SummaryItem[]; message?: string }) {
  return (
    <Alert tone="error">
      <h2 className="text-lg font-bold">{summaryTitle(items.length)}</h2>
      {message && <p className="mt-1">{message}</p>}
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {items.map((item, i) => (
          <li key={`${item.key}-${i}`}>
            {item.target ? (
              <a
                className="link"
                href={`#${item.target}`}
                onClick={(e) => {
                  const target = item.target;
                  if (!target || !document.getElementById(target)) return;
                  e.preventDefault();
                  focusById(target);
                }}
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function ConflictPanel<V>({ form }: { form: FormApi<V> }) {
  const feedback = form.feedback;
  if (feedback?.kind !== 'conflict') return null;
  const { plan, choices, conflict, message } = feedback;
  const author = conflictAuthor(conflict);
  return (
    <Alert tone="warning" title="Conflit de modification">
      <p>{message}</p>
      {author && <p className="mt-1">Dernière modification {author}.</p>}
      {plan.rows.length > 0 && (
        <>
          <p className="mt-3">Champs modifiés entre-temps : pour chacun, choisissez la valeur à garder.</p>
          <div className="mt-2 space-y-3">
            {plan.rows.map((row) => {
              const base = `${form.id}-conflit-${row.field.replace(/[^\w-]/g, '-')}`;
              return (
                <fieldset key={row.field} className="rounded border border-neutral-300 bg-white p-3">
                  <legend className="px-1 font-semibold text-neutral-900">{row.label}</legend>
                  <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
                    <dt className="font-medium">Votre saisie</dt>
                    <dd className="whitespace-pre-line">{row.mine}</dd>
                    <dt className="font-medium">Version enregistrée</dt>
                    <dd className="whitespace-pre-line">{row.theirs}</dd>
                  </dl>
                  {row.editable ? (
                    <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
                      {(['mine', 'theirs'] as const).map((choice) => (
                        <div key={choice} className="flex items-center gap-2">
                          <input
                            id={`${base}-${choice}`}
                            type="radio"
                            name={base}
                            value={choice}
                            checked={choices[row.field] === choice}
                            onChange={() => form.chooseConflict(row.field, choice)}
                            className="size-5 accent-primary-700"
                          />
                          <label htmlFor={`${base}-${choice}`}>{choice === 'mine' ? 'Garder la mienne' : 'Prendre la leur'}</label>
                        </div>
                      ))}
                    </div>
                  ) : (
                    <p className="mt-2 text-sm">Ce formulaire ne modifie pas ce champ : la version enregistrée est reprise.</p>
                  )}
                </fieldset>
              );
            })}
          </div>
        </>
      )}
      <p className="mt-3">
        Vos saisies sont conservées. Reprenez sur la version à jour (version {conflict.version}) avec ces choix, vérifiez, puis
        enregistrez à nouveau.
      </p>
      <Button type="button" className="mt-3" onClick={form.resumeConflict}>
        Reprendre sur la version à jour
      </Button>
    </Alert>
  );
}

function Resumed<V>({ form, submitLabel }: { form: FormApi<V>; submitLabel: string }) {
  const feedback = form.feedback;
  if (feedback?.kind !== 'resumed') return null;
  const name = (f: string) => feedback.labels[f] ?? f;
  return (
    <Alert tone="info" title={`Vous travaillez sur la version à jour (version ${feedback.version})`}>
      <p>Sous chaque champ modifié entre-temps figure la mention « Valeur actuelle enregistrée ».</p>
      {feedback.adopted.length > 0 && <p className="mt-1">Valeur enregistrée reprise : {feedback.adopted.map(name).join(', ')}.</p>}
      {feedback.kept.length > 0 && <p className="mt-1">Votre saisie est gardée : {feedback.kept.map(name).join(', ')}.</p>}
      <p className="mt-1">Vérifiez puis cliquez sur « {submitLabel} ».</p>
    </Alert>
  );
}

/** Renders the form's current feedback in a focusable container (focus moves there when it changes). */
export function FormFeedback<V>({ form, submitLabel, children }: { form: FormApi<V>; submitLabel: string; children?: ReactNode }) {
  const { feedback, feedbackContainer } = form;
  return (
    <div ref={feedbackContainer} tabIndex={-1} className="outline-none empty:hidden">
      {feedback?.kind === 'errors' && <ErrorSummary items={feedback.items} message={feedback.message} />}
      {feedback?.kind === 'failure' && (
        <Alert tone="error" title="L'enregistrement a échoué">
          {feedback.message}
        </Alert>
      )}
      {feedback?.kind === 'conflict' && <ConflictPanel form={form} />}
      {feedback?.kind === 'resumed' && <Resumed form={form} submitLabel={submitLabel} />}
      {feedback?.kind === 'saved' && <Alert tone="success">{feedback.message}</Alert>}
      {feedback?.kind === 'info' && <Alert tone="info">{feedback.message}</Alert>}
      {children}
    </div>
  );
}

/** The submit button with its pending state, announced politely. */
export function SubmitBar<V>({ form, label, children }: { form: FormApi<V>; label: string; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-4">
      <Button type="submit" aria-disabled={form.pending || undefined}>
        {form.pending ? 'Enregistrement…' : label}
      </Button>
      {children}
      <p role="status" className="sr-only">
        {form.pending ? 'Enregistrement en cours…' : ''}
      </p>
    </div>
  );
}
