import { AccountRepository } from './account.repository';
import { AuditRepositories } from './audit.repository';
import { AuthorityRepository } from './authority.repository';
import { BoardRepositories } from './board.repository';
import { DocumentRepositories } from './document.repository';
import { EvidenceRepositories } from './evidence.repository';
import { InvitationRepositories } from './invitation.repository';
import { MeasureRepositories } from './measure.repository';
import { MeetingRepositories } from './meeting.repository';
import { OrganisationRepositories } from './organisation.repository';
import { PeopleRepositories } from './people.repository';
import { SessionRepository } from './session.repository';
import { SignInThrottleRepository } from './sign-in-throttle.repository';

export * from './account.repository';
export * from './audit.repository';
export * from './authority.repository';
export * from './board.repository';
export * from './document.repository';
export * from './evidence.repository';
export * from './invitation.repository';
export * from './measure.repository';
export * from './meeting.repository';
export * from './organisation.repository';
export * from './people.repository';
export * from './session.repository';
export * from './sign-in-throttle.repository';
export * from './tenant-repository';

/** Every repository provider, for DatabaseModule. */
export const REPOSITORIES = [
  AccountRepository,
  AuditRepositories,
  AuthorityRepository,
  BoardRepositories,
  DocumentRepositories,
  EvidenceRepositories,
  InvitationRepositories,
  MeasureRepositories,
  MeetingRepositories,
  OrganisationRepositories,
  PeopleRepositories,
  SessionRepository,
  SignInThrottleRepository,
];
