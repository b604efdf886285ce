import type { TrackerProblem } from '@app/importer/tracker';

export interface Person {
  id: string;
  email: string;
  displayName: string;
}

const EMAIL = /[\w.+'-]+@[\w-]+(\.[\w-]+)+/;
// Words that make an owner a post, not a person: "Head of Service", "Team manager", "All managers".
const JOB_WORDS =
  /\b(head|director|manager|managers|officer|lead|team|service|services|principal|chief|co-?ordinator|assistant|senior|worker|workers|board|partnership|panel|group|all|commissioner|commissioning|designated|named|hr|it|lscb|lsab|cs|dcs|ams|nhs|ccg|chair|deputy|practitioner|advisor|adviser|unit|department)\b/i;

const fold = (name: string) =>
  name
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/[^a-z' -]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export interface OwnerMatch {
  ownerId: string | null;
  problem: TrackerProblem | null;
}

/**
 * The person a tracker's owner names, by email or by name (an active member of this council); a job
 * title, an unknown name or one shared by two people leaves the row unassigned, with the reason.
 */
export function matchOwner(line: number, owner: string | null, people: Person[]): OwnerMatch {
  if (!owner) return { ownerId: null, problem: null };
  const unassigned = (why: string) => ({
    ownerId: null,
    problem: { line, message: `Line ${line}: ${why}; the action is left unassigned: choose its owner after the import.` },
  });
  const email = EMAIL.exec(owner)?.[0].toLowerCase();
  if (email) {
    const person = people.find((p) => p.email.toLowerCase() === email);
    return person ? { ownerId: person.id, problem: null } : unassigned(`no one in this council has the email ${email}`);
  }
  const names = [owner, ...owner.split(/\s*(?:\/|&|;|,|\band\b|\n)\s*/i)].map(fold).filter(Boolean);
  for (const name of [...new Set(names)]) {
    const found = people.filter((p) => fold(p.displayName) === name);
    if (found.length === 1) {
      const problem =
        name === fold(owner) ? null : { line, message: `Line ${line}: "${owner}" names more than one owner: the action is given to ${found[0].displayName}.` };
      return { ownerId: found[0].id, problem };
    }
    if (found.length > 1) return unassigned(`${found.length} people in this council are called "${found[0].displayName}"`);
  }
  if (JOB_WORDS.test(owner)) return unassigned(`the owner "${owner}" is a job title, not a person`);
  return unassigned(`no one called "${owner}" is a person in this council`);
}
