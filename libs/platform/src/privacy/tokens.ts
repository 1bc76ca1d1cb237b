/** DI token of the {@link SubjectKeyStore} (provided by the DatabaseModule). */
export const SUBJECT_KEYS = Symbol('SUBJECT_KEYS');
