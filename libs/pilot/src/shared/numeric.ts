import type { ValueTransformer } from 'typeorm';

/** PostgreSQL numeric arrives as text (exact decimals); hours are small enough for a JS number. */
export const numericColumn: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
