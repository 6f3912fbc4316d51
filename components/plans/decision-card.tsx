import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { TextArea } from '@/components/ui/form';
import { buttonClasses } from '@/components/ui/button';
import { ServerForm, type ServerFormState } from '@/components/forms/server-form';

/** Validate or request changes on a version, with a reason (binôme or region). */
export function DecisionCard({
  title,
  action,
  slug,
  number,
  fieldId,
  children,
}: {
  title: string;
  action: (state: ServerFormState, form: FormData) => Promise<ServerFormState>;
  slug: string;
  number: number;
  fieldId: string;
  children?: ReactNode;
}) {
  return (
    <Card title={title} headingLevel={2}>
      {children}
      <ServerForm
        action={action}
        hidden={{ slug, number }}
        submitLabel="Valider la version"
        submitName="decision"
        submitValue="VALIDATE"
        extraButtons={
          <button type="submit" name="decision" value="REQUEST_CHANGES" className={buttonClasses('secondary', 'md')}>
            Demander des modifications
          </button>
        }
      >
        <TextArea
          id={fieldId}
          name="comment"
          label="Motif ou commentaire de la décision"
          hint="Obligatoire pour demander des modifications : indiquez ce qui doit changer."
          rows={4}
          maxLength={5000}
          className="mb-4"
        />
      </ServerForm>
    </Card>
  );
}
