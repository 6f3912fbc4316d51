// One fiche action offered as a checkbox (the commitment's funded-actions picker, the
// committee's examined-actions picker): native input, its label naming the reference and title.
import type { ComponentProps, ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';

export interface ActionCheckboxProps extends Omit<ComponentProps<'input'>, 'type' | 'id' | 'className' | 'children'> {
  id: string;
  reference: string;
  title: string;
  archived: boolean;
  /** Shown after the title (e.g. the action's status). */
  extra?: ReactNode;
}

export function ActionCheckbox({ id, reference, title, archived, extra, ...input }: ActionCheckboxProps) {
  return (
    <li className="flex items-start gap-2">
      <input id={id} type="checkbox" className="mt-0.5 size-5 shrink-0 accent-primary-700" {...input} />
      <label htmlFor={id} className="text-neutral-900">
        <span className="font-medium">{reference}</span> — {title}
        {extra}
        {archived && (
          <>
            {' '}
            <Badge tone="neutral">archivée</Badge>
          </>
        )}
      </label>
    </li>
  );
}
