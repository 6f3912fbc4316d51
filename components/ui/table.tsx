import { useId, type ComponentProps, type ReactNode } from 'react';

export interface TableProps extends ComponentProps<'table'> {
  /** Required: describes the table (RGAA 5.4). */
  caption: ReactNode;
  /** Keeps the caption for assistive technologies only. */
  captionHidden?: boolean;
}

/**
 * Data table inside a horizontally scrollable region. The region is focusable (tabIndex=0)
 * so keyboard users can scroll it, and is named after the caption.
 */
export function Table({ caption, captionHidden, className, children, ...props }: TableProps) {
  const captionId = useId();
  return (
    <div role="region" aria-labelledby={captionId} tabIndex={0} className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
      <table className={`ui-table ${className ?? ''}`} {...props}>
        <caption id={captionId} className={captionHidden ? 'sr-only' : 'px-4 py-3 text-left text-base font-semibold text-neutral-900'}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

// Undefined props are left out rather than passed: React's payload writes every one of
// them ("className":"$undefined") on every row of a long table (issue 10).
const classProp = (className: string | undefined) => (className ? { className } : {});

export function THead({ className, ...props }: ComponentProps<'thead'>) {
  return <thead {...classProp(className)} {...props} />;
}

export function TBody(props: ComponentProps<'tbody'>) {
  return <tbody {...props} />;
}

export function Tr({ className, ...props }: ComponentProps<'tr'>) {
  return <tr {...classProp(className)} {...props} />;
}

interface CellStyle {
  /** Right-aligned tabular figures for numbers and amounts. */
  numeric?: boolean;
}

// Cell styles live in app/globals.css (`.ui-table`): repeating utility classes on every
// cell of long tables doubled their weight (HTML + React payload), issue 10.
const cell = (numeric: boolean | undefined, className: string | undefined) =>
  [numeric ? 'num' : '', className ?? ''].filter(Boolean).join(' ') || undefined;

export type ThProps = ComponentProps<'th'> & CellStyle & { scope?: 'col' | 'row' };

/** Header cell; `scope` defaults to "col" (use "row" for the first cell of a body row). */
export function Th({ scope = 'col', numeric, className, ...props }: ThProps) {
  return <th scope={scope} {...classProp(cell(numeric, className))} {...props} />;
}

export type TdProps = ComponentProps<'td'> & CellStyle;

export function Td({ numeric, className, ...props }: TdProps) {
  return <td {...classProp(cell(numeric, className))} {...props} />;
}
