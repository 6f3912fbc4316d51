// A commitment field's saved value in words, for conflict messages.
import { AXIS_SHORT_LABELS, formatDate } from '@/lib/labels';
import type { CommitmentDto } from '@/lib/commitments/queries';
import { COMMITMENT_SCOPE_LABELS, COMMITMENT_STATUS_LABELS, formatQuantity } from '@/lib/commitments/labels';

export function currentValue(c: CommitmentDto, field: string): string {
  switch (field) {
    case 'operator':
      return c.operator.name;
    case 'title':
      return c.title;
    case 'description':
      return c.description || '—';
    case 'axis':
      return c.axis ? AXIS_SHORT_LABELS[c.axis] : 'Aucun axe';
    case 'scope':
      return COMMITMENT_SCOPE_LABELS[c.scope];
    case 'regionCode':
      return c.region?.name ?? '—';
    case 'territory':
      return c.territory?.name ?? '—';
    case 'unit':
      return c.unit;
    case 'promised':
      return formatQuantity(c.promised, c.unit);
    case 'delivered':
      return formatQuantity(c.delivered, c.unit);
    case 'status':
      return COMMITMENT_STATUS_LABELS[c.status];
    case 'dueDate':
      return c.dueDate ? formatDate(c.dueDate) : 'Aucune';
    case 'actionIds':
      return c.actions.length ? c.actions.map((a) => `${a.territory.name} — ${a.reference} : ${a.title}`).join('\n') : 'Aucune action liée.';
    default:
      return '';
  }
}

/**
 * For the conflict panel of a form that edits only some of a commitment's fields: remembers
 * which form values were read from which saved DTO, so that a field the form does not edit
 * (reported only) can still show its saved value.
 */
export function savedCommitments<V extends object>() {
  const saved = new WeakMap<V, CommitmentDto>();
  return {
    remember(dto: CommitmentDto, values: V): V {
      saved.set(values, dto);
      return values;
    },
    /** The saved value of a field the form does not edit; for the person's side, that it is not edited here. */
    display(values: V, field: string): string {
      const dto = saved.get(values);
      return dto ? currentValue(dto, field) : 'Non modifiable dans ce formulaire';
    },
  };
}
