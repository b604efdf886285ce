import { matchOwner } from './tracker-owners';

const people = [
  { id: 'p1', email: 'priya.shah@riverside.example', displayName: 'Priya Shah' },
  { id: 'p2', email: 'sam.okafor@riverside.example', displayName: 'Sam Okafor' },
  { id: 'p3', email: 'jo.smith@riverside.example', displayName: 'Jo Smith' },
  { id: 'p4', email: 'jo.smith2@riverside.example', displayName: 'Jo Smith' },
];

describe('matchOwner', () => {
  it('matches by email, whatever its case, and by name', () => {
    expect(matchOwner(3, 'Priya.Shah@Riverside.example', people)).toEqual({ ownerId: 'p1', problem: null });
    expect(matchOwner(3, 'sam  okafor', people)).toEqual({ ownerId: 'p2', problem: null });
    expect(matchOwner(3, 'Priya Shah (Head of Performance)', people)).toEqual({ ownerId: 'p1', problem: null });
  });

  it('gives a row naming two people to the first it knows, and says so', () => {
    expect(matchOwner(4, 'Unknown Person / Sam Okafor', people)).toEqual({
      ownerId: 'p2',
      problem: { line: 4, message: 'Line 4: "Unknown Person / Sam Okafor" names more than one owner: the action is given to Sam Okafor.' },
    });
  });

  it('leaves job titles, unknown names, unknown emails and shared names unassigned, with the reason', () => {
    const why = (owner: string) => matchOwner(5, owner, people).problem?.message;
    expect(why('Head of Service')).toBe(
      'Line 5: the owner "Head of Service" is a job title, not a person; the action is left unassigned: choose its owner after the import.',
    );
    expect(why('Alex Green')).toContain('no one called "Alex Green" is a person in this council');
    expect(why('alex@riverside.example')).toContain('no one in this council has the email alex@riverside.example');
    expect(why('Jo Smith')).toContain('2 people in this council are called "Jo Smith"');
    expect(matchOwner(5, null, people)).toEqual({ ownerId: null, problem: null });
  });
});
