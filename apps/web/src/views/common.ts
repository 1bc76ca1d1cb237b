import { html, type TemplateResult } from 'lit';

/** A table that may scroll sideways: focusable, so a keyboard can scroll it, and named apart from its section. */
export const scrollable = (label: string, table: TemplateResult) =>
  html`<div class="scroll" tabindex="0" role="region" aria-label=${label}>${table}</div>`;

/** A table's single header row of column headers. */
export const columnHeaders = (labels: readonly string[]) =>
  html`<thead>
    <tr>
      ${labels.map((label) => html`<th scope="col">${label}</th>`)}
    </tr>
  </thead>`;
