import { Injectable } from '@nestjs/common';
import { ActionService, Authenticated, OrganisationService, PersonView, UserService } from '@app/core';
import { ChosenIds, FilterChoices } from '@app/core/actions/action.repository';

/** What a page needs to name the people and partner organisations it shows. */
export interface Names {
  personName(id: string | null | undefined): string;
  organisationName(id: string | null | undefined): string;
}

/** The whole council's people and partners: for pages that offer them as choices. */
export interface Directory extends Names {
  people: PersonView[];
  organisations: { id: string; name: string }[];
}

/** A plan's filter choices, and names for them (which are all the names its action rows show). */
export interface PlanChoices extends Names, FilterChoices {}

export interface NamesOnPage extends Names {
  /** Whether anyone here has the person asked about (`managerOf`) as their line manager. */
  managesAnyone: boolean;
}

/** Ids a page shows, collected as it is built; empty and missing ids are left out. */
export class IdsOnPage {
  readonly people = new Set<string>();
  readonly organisations = new Set<string>();

  person(...ids: (string | null | undefined)[]): this {
    for (const id of ids) if (id) this.people.add(id);
    return this;
  }

  organisation(...ids: (string | null | undefined)[]): this {
    for (const id of ids) if (id) this.organisations.add(id);
    return this;
  }
}

const nameIn = (names: Map<string, string>, fallback: string) => (id: string | null | undefined) => (id ? (names.get(id) ?? fallback) : '');

/** Names for the ids on a page. */
@Injectable()
export class PeopleDirectory {
  constructor(
    private readonly users: UserService,
    private readonly organisations: OrganisationService,
    private readonly actions: ActionService,
  ) {}

  /** Every person and partner of the authority (two statements, the council's whole list). */
  async load(authorityId: string): Promise<Directory> {
    const [people, organisations] = await Promise.all([this.users.list(authorityId), this.organisations.list(authorityId)]);
    return {
      people,
      organisations,
      personName: nameIn(new Map(people.map((p) => [p.id, p.displayName])), 'Someone no longer here'),
      organisationName: nameIn(new Map(organisations.map((o) => [o.id, o.name])), ''),
    };
  }

  /** Everyone who can act in the authority (their account and membership active), by name: one statement, the council's whole list. */
  async activePeople(authorityId: string): Promise<{ id: string; displayName: string }[]> {
    return (await this.users.list(authorityId)).filter((p) => p.active).map((p) => ({ id: p.id, displayName: p.displayName }));
  }

  /** Whom a plan's filters offer (its actions' people and partners, and the choices made), by name: one statement. */
  async planChoices(actor: Authenticated, planId: string, chosen: ChosenIds): Promise<PlanChoices> {
    const choices = await this.actions.filterChoices(actor, planId, chosen);
    const people = [...choices.owners, ...choices.managers];
    return {
      ...choices,
      personName: nameIn(new Map(people.map((p) => [p.id, p.name])), 'Someone no longer here'),
      organisationName: nameIn(new Map(choices.partners.map((o) => [o.id, o.name])), ''),
    };
  }

  /** Only the names a page shows, in one statement whatever the size of the council (none when the page names nobody). */
  async named(authorityId: string, ids: IdsOnPage, managerOf?: string): Promise<NamesOnPage> {
    const names = await this.users.names(authorityId, ids.people, ids.organisations, managerOf);
    return {
      managesAnyone: names.managesAnyone,
      personName: nameIn(names.people, 'Someone no longer here'),
      organisationName: nameIn(names.organisations, ''),
    };
  }
}
