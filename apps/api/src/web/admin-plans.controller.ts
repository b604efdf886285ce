import { Body, Controller, Get, Param, ParseUUIDPipe, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppError, Authenticated, planSettings, PlanService } from '@app/core';
import { rolesFor } from '@app/domain';
import { ReminderRules, ReminderSettingsService } from '@app/reminders';
import { CurrentActor, Roles } from '../common/decorators';
import { PlanSettingsDto } from '../plans/plans.dto';
import { ReminderRulesDto } from '../reminders/reminders.dto';
import { FormPost, PageRequest } from './csrf';
import { checkForm, FieldWording, FormErrors, userError } from './form-errors';
import { PageErrorFilter } from './page-error.filter';
import { field, queryValue } from './page-query';
import { PageRenderer } from './page-renderer';

const SAVED: Record<string, string> = {
  settings: 'The plan settings have been saved.',
  reminders: 'The reminder rules have been saved. Pending reminders have been rescheduled.',
};

/** A typed whole number, or NaN so the DTO refuses it; blank is "off" where the field may be turned off. */
const whole = (text: string) => (/^\d+$/.test(text) ? Number(text) : Number.NaN);
const wholeOrOff = (text: string) => (text ? whole(text) : null);
const number = (field: string, what: string, range: string, off = false): FieldWording => ({
  field,
  invalid: `${what} must be a whole number from ${range}${off ? ', or blank to turn it off' : ''}`,
});

// The page's words for the API's rules (PlanSettingsDto, ReminderRulesDto).
const SETTINGS_WORDING = {
  immediateWindowDays: number('immediateWindowDays', 'Days allowed for “Immediately”', '1 to 365'),
  defaultHorizonMonths: number('defaultHorizonMonths', 'Months allowed when no timescale is given', '1 to 60'),
  warningWindowDays: number('warningWindowDays', 'Days before the due date an action turns amber', '0 to 365'),
};
const RULES_WORDING = {
  sendTime: { field: 'sendTime', invalid: 'Enter the time as hours and minutes on the 24-hour clock, like 08:00' },
  beforeDays: { field: 'beforeDays', invalid: 'Enter up to 10 whole numbers of days from 1 to 365, separated by commas, like 14, 7, 1' },
  overdueOwnerDays: number('overdueOwnerDays', 'Days overdue before the owner is reminded', '1 to 365', true),
  managerAfterDays: number('managerAfterDays', 'Days overdue before the manager is told', '1 to 365', true),
  chairAfterDays: number('chairAfterDays', 'Days overdue before the board chair is told', '1 to 365', true),
  overdueRepeatDays: number('overdueRepeatDays', 'Days between reminders while an action stays overdue', '1 to 365', true),
};

/** Admin pages for each plan's settings (due-date rules, warning window) and its reminder rules. */
@Controller('admin/plans')
@Roles(...rolesFor('plan.settings'))
@UseFilters(PageErrorFilter)
export class AdminPlansController {
  constructor(
    private readonly plans: PlanService,
    private readonly rules: ReminderSettingsService,
    private readonly pages: PageRenderer,
  ) {}

  @Roles(...rolesFor('plan.settings'))
  @Get()
  async list(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply) {
    await this.pages.render(req, res, 'admin/plans.njk', { pageTitle: 'Plan settings', plans: await this.plans.list(actor.authorityId) });
  }

  @Roles(...rolesFor('plan.settings'))
  @Get(':id')
  async show(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Req() req: PageRequest, @Res() res: FastifyReply) {
    await this.page(actor, id, req, res, {}, new FormErrors(), 200, SAVED[queryValue(req, 'saved') ?? '']);
  }

  @Roles(...rolesFor('plan.settings'))
  @FormPost(':id/settings')
  async saveSettings(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const settings = {
      immediateWindowDays: whole(field(body, 'immediateWindowDays')),
      defaultHorizonMonths: whole(field(body, 'defaultHorizonMonths')),
      warningWindowDays: whole(field(body, 'warningWindowDays')),
      moveOffNonWorkingDays: field(body, 'moveOffNonWorkingDays') === 'yes',
    };
    const { errors } = checkForm(PlanSettingsDto, settings, SETTINGS_WORDING);
    const values = { form: 'settings', ...pick(body, ['immediateWindowDays', 'defaultHorizonMonths', 'warningWindowDays', 'moveOffNonWorkingDays']) };
    if (errors.any) return this.page(actor, id, req, res, values, errors, 400);
    try {
      await this.plans.update(actor, id, { version: Number(field(body, 'version')), settings });
    } catch (error) {
      const problem =
        error instanceof AppError && error.code === 'stale_version'
          ? { message: 'Someone else changed this plan after you opened the page. Its current settings are shown: make your change again.' }
          : userError(error);
      if (!problem) throw error;
      return this.page(actor, id, req, res, {}, FormErrors.of('immediateWindowDays', problem.message), 409);
    }
    res.redirect(`/admin/plans/${id}?saved=settings`, 303);
  }

  @Roles(...rolesFor('plan.reminderRules'))
  @FormPost(':id/reminders')
  async saveReminders(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const sendTime = field(body, 'sendTime');
    const beforeDays = field(body, 'beforeDays')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(whole);
    const rules = {
      // A blank time is no time: the DTO's pattern refuses it.
      sendTime: sendTime || ' ',
      beforeDays,
      onDueDate: field(body, 'onDueDate') === 'yes',
      overdueOwnerDays: wholeOrOff(field(body, 'overdueOwnerDays')),
      managerAfterDays: wholeOrOff(field(body, 'managerAfterDays')),
      chairAfterDays: wholeOrOff(field(body, 'chairAfterDays')),
      overdueRepeatDays: wholeOrOff(field(body, 'overdueRepeatDays')),
      weeklyDigest: field(body, 'weeklyDigest') === 'yes',
    };
    const { errors } = checkForm(ReminderRulesDto, rules, RULES_WORDING);
    const values = {
      form: 'reminders',
      ...pick(body, ['sendTime', 'beforeDays', 'onDueDate', 'overdueOwnerDays', 'managerAfterDays', 'chairAfterDays', 'overdueRepeatDays', 'weeklyDigest']),
    };
    if (errors.any) return this.page(actor, id, req, res, values, errors, 400);
    try {
      await this.rules.update(actor, id, { ...rules, beforeDays: [...new Set(beforeDays)].sort((a, b) => b - a) });
    } catch (error) {
      const problem = userError(error);
      if (!problem) throw error;
      return this.page(actor, id, req, res, values, FormErrors.of('sendTime', problem.message), 400);
    }
    res.redirect(`/admin/plans/${id}?saved=reminders#reminders`, 303);
  }

  private async page(
    actor: Authenticated,
    id: string,
    req: PageRequest,
    res: FastifyReply,
    values: Record<string, string>,
    errors: FormErrors,
    status: number,
    success?: string,
  ) {
    const [plan, rules] = await Promise.all([this.plans.get(actor.authorityId, id), this.rules.get(actor, id)]);
    const settings = planSettings(plan);
    const shown = (form: string, name: string, saved: unknown) => (values.form === form ? (values[name] ?? '') : saved);
    await this.pages.render(
      req,
      res,
      'admin/plan.njk',
      {
        pageTitle: `Settings: ${plan.title}`,
        plan,
        success,
        ...errors.view(),
        closed: plan.status === 'closed',
        settings: {
          immediateWindowDays: shown('settings', 'immediateWindowDays', String(settings.immediateWindowDays)),
          defaultHorizonMonths: shown('settings', 'defaultHorizonMonths', String(settings.defaultHorizonMonths)),
          warningWindowDays: shown('settings', 'warningWindowDays', String(settings.warningWindowDays)),
          moveOffNonWorkingDays: values.form === 'settings' ? values.moveOffNonWorkingDays === 'yes' : settings.moveOffNonWorkingDays,
        },
        rules: rulesView(rules, values),
      },
      status,
    );
  }
}

function rulesView(rules: ReminderRules, values: Record<string, string>) {
  const mine = values.form === 'reminders';
  const days = (name: 'overdueOwnerDays' | 'managerAfterDays' | 'chairAfterDays' | 'overdueRepeatDays') =>
    mine ? (values[name] ?? '') : rules[name] === null ? '' : String(rules[name]);
  return {
    sendTime: mine ? (values.sendTime ?? '') : rules.sendTime,
    beforeDays: mine ? (values.beforeDays ?? '') : rules.beforeDays.join(', '),
    onDueDate: mine ? values.onDueDate === 'yes' : rules.onDueDate,
    overdueOwnerDays: days('overdueOwnerDays'),
    managerAfterDays: days('managerAfterDays'),
    chairAfterDays: days('chairAfterDays'),
    overdueRepeatDays: days('overdueRepeatDays'),
    weeklyDigest: mine ? values.weeklyDigest === 'yes' : rules.weeklyDigest,
  };
}

function pick(body: Record<string, unknown>, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, field(body, n)]));
}
