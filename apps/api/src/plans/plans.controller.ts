import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Transactions } from '@app/database/transactions';
import { ActionService, Authenticated, PlanService } from '@app/core';
import { rolesFor } from '@app/domain';
import { CurrentActor, Roles } from '../common/decorators';
import { CarryOverDto, CreatePlanDto, UpdatePlanDto, VersionDto } from './plans.dto';
import { ActionsAddedResponse, CarriedOverResponse, CreatedPlanResponse, PlanDashboardResponse, PlanResponse } from './plans.responses';

@ApiTags('plans')
@Controller('api/v1/plans')
export class PlansController {
  constructor(
    private readonly transactions: Transactions,
    private readonly plans: PlanService,
    private readonly actions: ActionService,
  ) {}

  @ApiOperation({ summary: 'The plans of your council' })
  @ApiOkResponse({ type: [PlanResponse] })
  @Get()
  list(@CurrentActor() actor: Authenticated) {
    return this.plans.list(actor.authorityId);
  }

  @ApiOperation({ summary: 'One plan' })
  @ApiOkResponse({ type: PlanResponse })
  @Get(':id')
  get(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.plans.get(actor.authorityId, id);
  }

  @ApiOperation({ summary: 'A plan’s actions counted by status and by RAG rating, today' })
  @ApiOkResponse({ type: PlanDashboardResponse })
  @Get(':id/dashboard')
  dashboard(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.actions.dashboard(actor, id);
  }

  @Roles(...rolesFor('plan.create'))
  @ApiOperation({ summary: 'Make a draft plan (with actions from its documents’ findings, unless told not to)' })
  @ApiCreatedResponse({ type: CreatedPlanResponse })
  @Post()
  create(@CurrentActor() actor: Authenticated, @Body() body: CreatePlanDto) {
    const { actionsFromFindings = true, ...plan } = body;
    return this.transactions.run(async () => {
      const created = await this.plans.create(actor, plan);
      const actionsAdded = actionsFromFindings ? await this.plans.addActionsFromFindings(actor, created.id) : 0;
      return { ...created, actionsAdded };
    });
  }

  @Roles(...rolesFor('plan.edit'))
  @ApiOperation({ summary: 'Change a plan’s title, dates or windows (send the version you read)' })
  @ApiOkResponse({ type: PlanResponse })
  @Patch(':id')
  update(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdatePlanDto) {
    return this.plans.update(actor, id, body);
  }

  @Roles(...rolesFor('plan.edit'))
  @ApiOperation({ summary: 'Add an action for each finding of the plan’s documents that none answers yet' })
  @ApiCreatedResponse({ type: ActionsAddedResponse })
  @Post(':id/actions-from-findings')
  async actionsFromFindings(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return { actionsAdded: await this.plans.addActionsFromFindings(actor, id) };
  }

  @Roles(...rolesFor('plan.activate'))
  @ApiOperation({ summary: 'Activate a draft plan: reminders start' })
  @ApiCreatedResponse({ type: PlanResponse })
  @Post(':id/activate')
  activate(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: VersionDto) {
    return this.plans.activate(actor, id, body.version);
  }

  @Roles(...rolesFor('plan.close'))
  @ApiOperation({ summary: 'Close an active plan' })
  @ApiCreatedResponse({ type: PlanResponse })
  @Post(':id/close')
  close(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: VersionDto) {
    return this.plans.close(actor, id, body.version);
  }

  @Roles(...rolesFor('plan.carryOver'))
  @ApiOperation({ summary: 'Carry a plan’s open actions over to another plan' })
  @ApiCreatedResponse({ type: CarriedOverResponse })
  @Post(':id/carry-over')
  async carryOver(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: CarryOverDto) {
    return { actionsCarriedOver: await this.plans.carryOver(actor, id, body.toPlanId) };
  }
}
