import type { ComponentChildren } from 'preact';

/** One "key: value" line of an NHS.UK summary list (`<dl class="nhsuk-summary-list">`). */
export function SummaryRow({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="nhsuk-summary-list__row">
      <dt class="nhsuk-summary-list__key">{label}</dt>
      <dd class="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}
