import { DynamicModule, Module } from '@nestjs/common';
import { AccountPasswordService } from './accounts/account-password.service';
import { AuthService } from './accounts/auth.service';
import { AuthorityService } from './accounts/authority.service';
import { InvitationService } from './accounts/invitation.service';
import { SignInThrottle } from './accounts/sign-in-throttle';
import { UserService } from './accounts/user.service';
import { ActionExportService } from './actions/action-export.service';
import { ACTION_HOOKS } from './actions/action-hooks';
import { ActionService } from './actions/action.service';
import { ActionRepositories } from './actions/action.repository';
import { AuditService } from './audit/audit.service';
import { BoardService } from './boards/board.service';
import { Clock } from './clock';
import { DocumentService } from './documents/document.service';
import { EvidenceService } from './evidence/evidence.service';
import { ImportProgress } from './imports/import-progress';
import { ReportImportService } from './imports/report-import.service';
import { TrackerImportService } from './imports/tracker-import.service';
import { MeasureImportService } from './measures/measure-import.service';
import { MeasureService } from './measures/measure.service';
import { MeasureValueRepositories } from './measures/measure-value.repository';
import { MeasureValueService } from './measures/measure-value.service';
import { ReviewRepositories } from './reviews/review.repository';
import { ReviewService } from './reviews/review.service';
import { ACTION_NOTIFICATIONS_READERS } from './meetings/action-notifications';
import { MeetingAccess } from './meetings/meeting-access';
import { MeetingAgendaService } from './meetings/meeting-agenda.service';
import { MeetingCancellationService } from './meetings/meeting-cancellation.service';
import { MeetingDecisionService } from './meetings/meeting-decisions.service';
import { MeetingPackService } from './meetings/meeting-pack.service';
import { MeetingPlanClosureService } from './meetings/meeting-plan-closure.service';
import { MeetingService } from './meetings/meeting.service';
import { OrganisationService } from './organisations/organisation.service';
import { PlanService } from './plans/plan.service';
import { PlanRepositories } from './plans/plan.repository';

const SERVICES = [
  AccountPasswordService,
  ActionExportService,
  ActionRepositories,
  ActionService,
  AuditService,
  AuthService,
  AuthorityService,
  BoardService,
  Clock,
  DocumentService,
  EvidenceService,
  ImportProgress,
  InvitationService,
  MeasureImportService,
  MeasureService,
  MeasureValueRepositories,
  MeasureValueService,
  MeetingAccess,
  MeetingAgendaService,
  MeetingCancellationService,
  MeetingDecisionService,
  MeetingPackService,
  MeetingPlanClosureService,
  MeetingService,
  OrganisationService,
  PlanRepositories,
  PlanService,
  ReportImportService,
  ReviewRepositories,
  ReviewService,
  SignInThrottle,
  TrackerImportService,
  UserService,
];

/**
 * The application's use cases over the database, shared by the API, the worker and the CLI. Takes
 * the app's DatabaseModule and passes it on to whoever imports this. ACTION_HOOKS (and
 * ACTION_NOTIFICATIONS_READERS) start empty: libs above add theirs when their module starts (RemindersModule), so nothing here imports them.
 */
@Module({})
export class CoreModule {
  static forRoot(database: DynamicModule): DynamicModule {
    const hooks = { provide: ACTION_HOOKS, useFactory: () => [] };
    const readers = { provide: ACTION_NOTIFICATIONS_READERS, useFactory: () => [] };
    return {
      module: CoreModule,
      imports: [database],
      providers: [...SERVICES, hooks, readers],
      exports: [...SERVICES, ACTION_HOOKS, ACTION_NOTIFICATIONS_READERS, database],
    };
  }
}
