import { MigrationInterface } from 'typeorm';
import { InitialSchema1795392000000 } from './1795392000000-initial-schema';
import { Measures1795392300000 } from './1795392300000-measures';
import { PartialAuditIndexes1795392400000 } from './1795392400000-partial-audit-indexes';
import { SignInThrottle1795392600000 } from './1795392600000-sign-in-throttle';
import { AccountsPerAuthority1795392500000 } from './1795392500000-accounts-per-authority';
import { ForeignKeys1795392700000 } from './1795392700000-foreign-keys';
import { QuarterlyReviews1795393200000 } from './1795393200000-quarterly-reviews';
import { Meetings1795393100000 } from './1795393100000-meetings';
import { ActionManagerIndex1795393500000 } from './1795393500000-action-manager-index';
import { MeetingCancelAndPlanClosure1795394100000 } from './1795394100000-meeting-cancel-and-plan-closure';
import { MembershipManagerIndex1795394500000 } from './1795394500000-membership-manager-index';
import { ActionDoneIndex1795394600000 } from './1795394600000-action-done-index';
import { PlanLinks1795394700000 } from './1795394700000-plan-links';
import { ListIndexes1795394800000 } from './1795394800000-list-indexes';
import { LatestNoteIndex1795394900000 } from './1795394900000-latest-note-index';

/**
 * The core tables' migrations, oldest first (reminders keep theirs in libs/reminders; TypeORM runs
 * the composed list in timestamp order). Released migrations are never edited; add a new one.
 */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  InitialSchema1795392000000,
  Measures1795392300000,
  PartialAuditIndexes1795392400000,
  AccountsPerAuthority1795392500000,
  SignInThrottle1795392600000,
  ForeignKeys1795392700000,
  Meetings1795393100000,
  QuarterlyReviews1795393200000,
  ActionManagerIndex1795393500000,
  MeetingCancelAndPlanClosure1795394100000,
  MembershipManagerIndex1795394500000,
  ActionDoneIndex1795394600000,
  PlanLinks1795394700000,
  ListIndexes1795394800000,
  LatestNoteIndex1795394900000,
];
