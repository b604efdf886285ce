import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { MultipartModule } from '@nestjs/platform-fastify/multipart';
import { APP_CONFIG, AppConfig } from '@app/config';
import { ActionPageController } from './action-page.controller';
import { ActionPageView } from './action-page-view';
import { AdminPlansController } from './admin-plans.controller';
import { AdminController } from './admin.controller';
import { AdminUsersController } from './admin-users.controller';
import { CalendarLinkController } from './calendar-link.controller';
import { CouncilsController } from './councils.controller';
import { CsrfInterceptor } from './csrf';
import { InvitationsController } from './invitations.controller';
import { MeetingAgendaPagesController } from './meeting-agenda-pages.controller';
import { MeetingMinutesPagesController } from './meeting-minutes-pages.controller';
import { MeetingPagesController } from './meeting-pages.controller';
import { MyActionsController } from './my-actions.controller';
import { NotificationsController } from './notifications.controller';
import { PageErrorFilter } from './page-error.filter';
import { PageRenderer } from './page-renderer';
import { PeopleDirectory } from './people-directory';
import { PlanDashboardController } from './plan-dashboard.controller';
import { PlanOwnersController } from './plan-owners.controller';
import { MeasureImportPagesController } from './measure-import-pages.controller';
import { MeasurePagesController } from './measure-pages.controller';
import { ReviewPagesController } from './review-pages.controller';
import { ReviewsToDo } from './reviews-to-do';
import { ReportImportController } from './report-import.controller';
import { SignInController } from './sign-in.controller';
import { TrackerImportController } from './tracker-import.controller';

const UPLOADS = MultipartModule.registerAsync({
  inject: [APP_CONFIG],
  useFactory: (c: AppConfig) => ({ limits: { fileSize: Math.max(c.evidenceMaxBytes, c.reportMaxBytes) + 1, files: 1, fields: 50 } }),
});

const CONTROLLERS = [
  SignInController,
  MyActionsController,
  PlanOwnersController,
  PlanDashboardController,
  ActionPageController,
  MeetingPagesController,
  MeetingMinutesPagesController,
  MeetingAgendaPagesController,
  ReportImportController,
  TrackerImportController,
  NotificationsController,
  CalendarLinkController,
  InvitationsController,
  CouncilsController,
  AdminController,
  AdminUsersController,
  AdminPlansController,
  ReviewPagesController,
  MeasureImportPagesController,
  MeasurePagesController,
];

/** The web pages: server-rendered GOV.UK Design System pages over the same core services as the JSON API. */
@Module({})
export class WebModule {
  /** `services`: the app's RemindersModule (with core and the database), the one the API's controllers use. */
  static forRoot(services: DynamicModule): DynamicModule {
    return {
      module: WebModule,
      imports: [services, UPLOADS],
      controllers: CONTROLLERS,
      providers: [
        ActionPageView,
        PageRenderer,
        ReviewsToDo,
        PageErrorFilter,
        // The app's one error filter: pages for browsers on any address, the API's JSON error for everyone else.
        { provide: APP_FILTER, useExisting: PageErrorFilter },
        PeopleDirectory,
        CsrfInterceptor,
      ],
    };
  }
}
