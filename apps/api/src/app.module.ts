import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { MultipartModule } from '@nestjs/platform-fastify/multipart';
import { AppConfig, APP_CONFIG, ConfigModule } from '@app/config';
import { ActionsController } from './actions/actions.controller';
import { AuthController } from './auth/auth.controller';
import { BoardsController } from './boards/boards.controller';
import { AnonymousRefusals } from './common/anonymous-refusals';
import { AuthGuard } from './common/auth.guard';
import { DocumentsController } from './documents/documents.controller';
import { HealthController } from './health/health.controller';
import { ImportProgressController } from './imports/import-progress.controller';
import { MeasureImportController } from './measures/measure-import.controller';
import { MeasuresController } from './measures/measures.controller';
import { MeasureValuesController } from './measures/measure-values.controller';
import { ReviewsController } from './reviews/reviews.controller';
import { MeetingsController } from './meetings/meetings.controller';
import { PeopleController } from './people/people.controller';
import { PlansController } from './plans/plans.controller';
import { RemindersController } from './reminders/reminders.controller';
import { TrackersController } from './trackers/trackers.controller';
import { RemindersModule } from '@app/reminders';
import { WebModule } from './web/web.module';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    const services = RemindersModule.forApp();
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        services,
        MultipartModule.registerAsync({
          inject: [APP_CONFIG],
          useFactory: (c: AppConfig) => ({ limits: { fileSize: Math.max(c.evidenceMaxBytes, c.reportMaxBytes) + 1, files: 1 } }),
        }),
        WebModule.forRoot(services),
      ],
      controllers: [
        ActionsController,
        AuthController,
        BoardsController,
        DocumentsController,
        HealthController,
        ImportProgressController,
        MeasureImportController,
        MeasuresController,
        MeasureValuesController,
        MeetingsController,
        PeopleController,
        PlansController,
        RemindersController,
        TrackersController,
        ReviewsController,
      ],
      // The error filter is the web module's: it answers browsers with pages and everyone else with the JSON error.
      providers: [AnonymousRefusals, { provide: APP_GUARD, useClass: AuthGuard }],
    };
  }
}
