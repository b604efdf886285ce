import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, AppConfig } from '@app/config';
import { ActionPageController } from './action-page.controller';
import { AdminPlansController } from './admin-plans.controller';
import { AdminController } from './admin.controller';
import { CouncilsController } from './councils.controller';
import { CsrfInterceptor } from './csrf';
import { InvitationsController } from './invitations.controller';
import { MyActionsController } from './my-actions.controller';
import { NotificationsController } from './notifications.controller';
import { PageErrorFilter } from './page-error.filter';
import { PageRenderer } from './page-renderer';
import { PeopleDirectory } from './people-directory';
import { PlanDashboardController } from './plan-dashboard.controller';
import { PlanOwnersController } from './plan-owners.controller';
import { ReportImportController } from './report-import.controller';
import { SignInController } from './sign-in.controller';

/** The web pages: server-rendered GOV.UK Design System pages over the same core services as the JSON API. */
@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => ({ limits: { fileSize: Math.max(c.evidenceMaxBytes, c.reportMaxBytes) + 1, files: 1, fields: 50 } }),
    }),
  ],
  controllers: [
    SignInController,
    MyActionsController,
    PlanOwnersController,
    PlanDashboardController,
    ActionPageController,
    ReportImportController,
    NotificationsController,
    InvitationsController,
    CouncilsController,
    AdminController,
    AdminPlansController,
  ],
  providers: [PageRenderer, PageErrorFilter, PeopleDirectory, CsrfInterceptor],
})
export class WebModule {}
