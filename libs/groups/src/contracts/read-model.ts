import type { GroupKind, GroupLevel, MemberRole, Sector } from './catalogues';

/** A member of a body on a given day. */
export interface MemberAtDate {
  readonly personId: string;
  readonly role: MemberRole;
  readonly joinedOn: string;
  /** Last day of membership (inclusive), when the member has left. */
  readonly leftOn?: string;
  /** Personal data (erasable on request); never present for a client. */
  readonly fullName?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly institution?: string;
  readonly sector?: Sector;
  /** Pilot case a client member belongs to (pseudonymous). */
  readonly caseId?: string;
}

/** What another context may know of a body on a given day, e.g. before recording its decision. */
export interface BodyFacts {
  readonly exists: true;
  readonly groupId: string;
  readonly kind: GroupKind;
  readonly level: GroupLevel;
  readonly voivodeship: string;
  readonly convenedOn: string;
  /** True when the body had been convened by that day. */
  readonly convened: boolean;
  /** Last day the body existed (inclusive), when it has been dissolved. */
  readonly dissolvedOn?: string;
  /** Members on that day (joining and leaving days count). */
  readonly memberCount: number;
}

/**
 * A tenant editor's limit, taken from the verified token (never from a request body): a
 * command on a body outside these voivodeships is refused with 'voivodeship.forbidden'.
 * Absent means no limit (tenant admin).
 */
export interface VoivodeshipScope {
  readonly allowedVoivodeships?: readonly string[];
}
