import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated, AuthService, ReviewService } from '@app/core';
import { rolesFor } from '@app/domain';
import { CurrentActor, Roles } from '../common/decorators';
import { FILE_SCHEMA } from '../common/response-fields';
import { ActionResponse } from '../actions/actions.responses';
import { CreateReviewDto, FollowUpDto, JudgementDto } from './reviews.dto';
import { reviewWorkbook } from './review-workbook';
import { scrutinyDocx } from './scrutiny-docx';
import { signedReviewPaper } from './scrutiny-paper';
import { ReviewListItemResponse, ReviewResponse } from './reviews.responses';

@ApiTags('reviews')
@Controller('api/v1')
export class ReviewsController {
  constructor(
    private readonly reviews: ReviewService,
    private readonly auth: AuthService,
  ) {}

  @Roles(...rolesFor('review.create'))
  @Post('plans/:planId/reviews')
  @ApiOperation({ summary: "Build a plan's review for a quarter that has begun" })
  @ApiCreatedResponse({ type: ReviewResponse })
  create(@CurrentActor() actor: Authenticated, @Param('planId', ParseUUIDPipe) planId: string, @Body() body: CreateReviewDto) {
    return this.reviews.create(actor, planId, body.quarter);
  }

  @Get('reviews')
  @ApiOperation({ summary: 'The reviews, newest quarter first' })
  @ApiQuery({ name: 'planId', required: false })
  @ApiOkResponse({ type: [ReviewListItemResponse] })
  list(@CurrentActor() actor: Authenticated, @Query('planId', new ParseUUIDPipe({ optional: true })) planId?: string) {
    return this.reviews.list(actor.authorityId, planId);
  }

  @Get('reviews/:id')
  @ApiOperation({ summary: 'A review with its pack, judgements and follow-ups (a signed review exactly as it was signed)' })
  @ApiOkResponse({ type: ReviewResponse })
  get(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.reviews.get(actor.authorityId, id);
  }

  @Roles(...rolesFor('review.judgement'))
  @Post('reviews/:id/judgements')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the judgement of an area (again for the same area replaces it)' })
  @ApiOkResponse({ type: ReviewResponse })
  judge(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: JudgementDto) {
    return this.reviews.judge(actor, id, body);
  }

  @Roles(...rolesFor('review.followUp'))
  @Post('reviews/:id/follow-ups')
  @ApiOperation({ summary: 'Add a follow-up: a new tracked action on the plan, linked to the review' })
  @ApiCreatedResponse({ type: ActionResponse, description: 'The new action' })
  followUp(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: FollowUpDto) {
    return this.reviews.followUp(actor, id, body);
  }

  @Roles(...rolesFor('review.signOff'))
  @Post('reviews/:id/sign-off')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign the review off: it is frozen as shown, and read-only from then on' })
  @ApiOkResponse({ type: ReviewResponse })
  signOff(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.reviews.signOff(actor, id);
  }

  @Get('reviews/:id/pack.xlsx')
  @ApiOperation({ summary: 'The review pack as an Excel workbook' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The workbook', ...FILE_SCHEMA })
  async workbook(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Res() res: FastifyReply) {
    const review = await this.reviews.get(actor.authorityId, id);
    const file = await reviewWorkbook(review);
    res
      .status(200)
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Disposition', `attachment; filename="review-${review.quarter.replace(/[^0-9A-Za-z]+/g, '-')}.xlsx"`)
      .send(file);
  }

  @Get('reviews/:id/paper.docx')
  @ApiOperation({ summary: 'The paper for the scrutiny panel, drafted from a signed review, as an editable Word document' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  @ApiOkResponse({ description: 'The document', ...FILE_SCHEMA })
  async paper(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Res() res: FastifyReply) {
    const { review, paper } = await signedReviewPaper(this.reviews, this.auth, actor, id);
    res
      .status(200)
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('Content-Disposition', `attachment; filename="scrutiny-paper-${review.quarter.replace(/[^0-9A-Za-z]+/g, '-')}.docx"`)
      .send(await scrutinyDocx(paper));
  }
}
