import { ArgumentMetadata } from '@nestjs/common';
import { IsInt, IsString, Length } from 'class-validator';
import { strictValidationPipe } from './validation';

class Note {
  @IsString() @Length(1, 10) body: string;
}

const asBody = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });

describe('the validation pipe, with each class’s rules kept', () => {
  const pipe = strictValidationPipe();
  const refusal = (value: unknown, metatype: ArgumentMetadata['metatype']) =>
    pipe.transform(value, asBody(metatype)).then(
      () => null,
      (error: { details?: { field: string }[] }) => error.details?.map((d) => d.field),
    );

  it('applies the same rules at every request', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await refusal({ body: 'fine' }, Note)).toBeNull();
      expect(await refusal({ body: 'far too long a note' }, Note)).toEqual(['body']);
      expect(await refusal({ body: 'fine', extra: 1 }, Note)).toEqual(['extra']);
    }
  });

  it('sees rules declared after a class was first validated, its own and a subclass’s', async () => {
    class Milestone {
      @IsString() title: string;
      declare count: number;
    }
    expect(await refusal({ title: 'Half' }, Milestone)).toBeNull();
    IsInt()(Milestone.prototype, 'count');
    // Known now, so allowed (rules remembered from before would refuse it as an unknown field), and checked.
    expect(await refusal({ title: 'Half', count: 2 }, Milestone)).toBeNull();
    expect(await refusal({ title: 'Half', count: 'two' }, Milestone)).toEqual(['count']);

    class DatedMilestone extends Milestone {
      @IsString() dueDate: string;
    }
    expect(await refusal({ title: 'Half', count: 2, dueDate: 7 }, DatedMilestone)).toEqual(['dueDate']);
    expect(await refusal({ title: 3, count: 2, dueDate: 'soon' }, DatedMilestone)).toEqual(['title']);
  });
});
