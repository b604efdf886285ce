import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Transactions } from '@app/database/transactions';
import { ActionService, Authenticated, PlanService } from '@app/core';
import { rolesFor } from '@app/domain';
import { CurrentActor, Roles } from '../common/decorators';
import { CarryOverDto, CreatePlanDto, UpdatePlanDto, VersionDto } from './plans.dto';

@ApiTags('plans')
@Controller('api/v1/plans')
export class PlansController {
  constructor(
    private readonly transactions: Transactions,
    private readonly plans: PlanService,
    private readonly actions: ActionService,
  ) {}

  @Get()
  list(@CurrentActor() actor: Authenticated) {
    return this.plans.list(actor.authorityId);
  }

  @Get(':id')
  get(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.plans.get(actor.authorityId, id);
  }

  @Get(':id/dashboard')
  dashboard(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return this.actions.dashboard(actor, id);
  }

  @Roles(...rolesFor('plan.create'))
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
  @Patch(':id')
  update(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdatePlanDto) {
    return this.plans.update(actor, id, body);
  }

  @Roles(...rolesFor('plan.edit'))
  @Post(':id/actions-from-findings')
  async actionsFromFindings(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string) {
    return { actionsAdded: await this.plans.addActionsFromFindings(actor, id) };
  }

  @Roles(...rolesFor('plan.activate'))
  @Post(':id/activate')
  activate(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: VersionDto) {
    return this.plans.activate(actor, id, body.version);
  }

  @Roles(...rolesFor('plan.close'))
  @Post(':id/close')
  close(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: VersionDto) {
    return this.plans.close(actor, id, body.version);
  }

  @Roles(...rolesFor('plan.carryOver'))
  @Post(':id/carry-over')
  async carryOver(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Body() body: CarryOverDto) {
    return { actionsCarriedOver: await this.plans.carryOver(actor, id, body.toPlanId) };
  }
}
