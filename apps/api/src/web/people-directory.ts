import { Injectable } from '@nestjs/common';
import { OrganisationService, PersonView, UserService } from '@app/core';

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

/** Every person and partner of the authority by name only: a page's choices. */
export interface Choices extends Names {
  people: { id: string; displayName: string }[];
  organisations: { id: string; name: string }[];
}

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

  /** Every person's and partner's name, for choices: one statement, names only (no roles or accounts). */
  async choices(authorityId: string): Promise<Choices> {
    const { people, organisations } = await this.users.everyName(authorityId);
    return {
      people,
      organisations,
      personName: nameIn(new Map(people.map((p) => [p.id, p.displayName])), 'Someone no longer here'),
      organisationName: nameIn(new Map(organisations.map((o) => [o.id, o.name])), ''),
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
