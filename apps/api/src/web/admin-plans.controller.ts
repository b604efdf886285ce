import { Body, Controller, Get, Param, ParseUUIDPipe, Req, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { AppError, Authenticated, planSettings, PlanService } from '@app/core';
import { rolesFor } from '@app/domain';
import { ReminderRules, ReminderSettingsService } from '@app/reminders';
import { CurrentActor, Roles } from '../common/decorators';
import { FormPost, PageRequest } from './csrf';
import { FormErrors, userError } from './form-errors';
import { PageErrorFilter } from './page-error.filter';
import { field, queryValue } from './page-query';
import { PageRenderer } from './page-renderer';

const SAVED: Record<string, string> = {
  settings: 'The plan settings have been saved.',
  reminders: 'The reminder rules have been saved. Pending reminders have been rescheduled.',
};

/** A whole number in a range, or an error saying what to enter. */
function wholeNumber(body: unknown, name: string, what: string, min: number, max: number, errors: FormErrors, optional = false): number | null {
  const text = field(body, name);
  if (!text && optional) return null;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    errors.add(name, `${what} must be a whole number from ${min} to ${max}${optional ? ', or blank to turn it off' : ''}`);
    return null;
  }
  return Number(text);
}

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
  async list(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: Response) {
    await this.pages.render(req, res, 'admin/plans.njk', { pageTitle: 'Plan settings', plans: await this.plans.list(actor.authorityId) });
  }

  @Roles(...rolesFor('plan.settings'))
  @Get(':id')
  async show(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Req() req: PageRequest, @Res() res: Response) {
    await this.page(actor, id, req, res, {}, new FormErrors(), 200, SAVED[queryValue(req, 'saved') ?? '']);
  }

  @Roles(...rolesFor('plan.settings'))
  @FormPost(':id/settings')
  async saveSettings(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ) {
    const errors = new FormErrors();
    const immediateWindowDays = wholeNumber(body, 'immediateWindowDays', 'Days allowed for “Immediately”', 1, 365, errors);
    const defaultHorizonMonths = wholeNumber(body, 'defaultHorizonMonths', 'Months allowed when no timescale is given', 1, 60, errors);
    const warningWindowDays = wholeNumber(body, 'warningWindowDays', 'Days before the due date an action turns amber', 0, 365, errors);
    const values = { form: 'settings', ...pick(body, ['immediateWindowDays', 'defaultHorizonMonths', 'warningWindowDays', 'moveOffNonWorkingDays']) };
    if (errors.any) return this.page(actor, id, req, res, values, errors, 400);
    try {
      await this.plans.update(actor, id, {
        version: Number(field(body, 'version')),
        settings: {
          immediateWindowDays: immediateWindowDays!,
          defaultHorizonMonths: defaultHorizonMonths!,
          warningWindowDays: warningWindowDays!,
          moveOffNonWorkingDays: field(body, 'moveOffNonWorkingDays') === 'yes',
        },
      });
    } catch (error) {
      const problem =
        error instanceof AppError && error.code === 'stale_version'
          ? { message: 'Someone else changed this plan after you opened the page. Its current settings are shown: make your change again.' }
          : userError(error);
      if (!problem) throw error;
      return this.page(actor, id, req, res, {}, FormErrors.of('immediateWindowDays', problem.message), 409);
    }
    res.redirect(303, `/admin/plans/${id}?saved=settings`);
  }

  @Roles(...rolesFor('plan.reminderRules'))
  @FormPost(':id/reminders')
  async saveReminders(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ) {
    const errors = new FormErrors();
    const sendTime = field(body, 'sendTime');
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(sendTime)) errors.add('sendTime', 'Enter the time as hours and minutes on the 24-hour clock, like 08:00');
    const beforeText = field(body, 'beforeDays');
    const beforeDays = beforeText ? beforeText.split(/[\s,]+/).filter(Boolean) : [];
    if (beforeDays.some((d) => !/^\d+$/.test(d) || Number(d) < 1 || Number(d) > 365) || beforeDays.length > 10) {
      errors.add('beforeDays', 'Enter up to 10 whole numbers of days from 1 to 365, separated by commas, like 14, 7, 1');
    }
    const overdueOwnerDays = wholeNumber(body, 'overdueOwnerDays', 'Days overdue before the owner is reminded', 1, 365, errors, true);
    const managerAfterDays = wholeNumber(body, 'managerAfterDays', 'Days overdue before the manager is told', 1, 365, errors, true);
    const chairAfterDays = wholeNumber(body, 'chairAfterDays', 'Days overdue before the board chair is told', 1, 365, errors, true);
    const values = {
      form: 'reminders',
      ...pick(body, ['sendTime', 'beforeDays', 'onDueDate', 'overdueOwnerDays', 'managerAfterDays', 'chairAfterDays', 'weeklyDigest']),
    };
    if (errors.any) return this.page(actor, id, req, res, values, errors, 400);
    try {
      await this.rules.update(actor, id, {
        sendTime,
        beforeDays: [...new Set(beforeDays.map(Number))].sort((a, b) => b - a),
        onDueDate: field(body, 'onDueDate') === 'yes',
        overdueOwnerDays,
        managerAfterDays,
        chairAfterDays,
        weeklyDigest: field(body, 'weeklyDigest') === 'yes',
      });
    } catch (error) {
      const problem = userError(error);
      if (!problem) throw error;
      return this.page(actor, id, req, res, values, FormErrors.of('sendTime', problem.message), 400);
    }
    res.redirect(303, `/admin/plans/${id}?saved=reminders#reminders`);
  }

  private async page(
    actor: Authenticated,
    id: string,
    req: PageRequest,
    res: Response,
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
  const days = (name: 'overdueOwnerDays' | 'managerAfterDays' | 'chairAfterDays') =>
    mine ? (values[name] ?? '') : rules[name] === null ? '' : String(rules[name]);
  return {
    sendTime: mine ? (values.sendTime ?? '') : rules.sendTime,
    beforeDays: mine ? (values.beforeDays ?? '') : rules.beforeDays.join(', '),
    onDueDate: mine ? values.onDueDate === 'yes' : rules.onDueDate,
    overdueOwnerDays: days('overdueOwnerDays'),
    managerAfterDays: days('managerAfterDays'),
    chairAfterDays: days('chairAfterDays'),
    weeklyDigest: mine ? values.weeklyDigest === 'yes' : rules.weeklyDigest,
  };
}

function pick(body: Record<string, unknown>, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, field(body, n)]));
}
