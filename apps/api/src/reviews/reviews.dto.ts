import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, MaxLength } from 'class-validator';
import { PROGRESS_JUDGEMENTS, ProgressJudgement } from '@app/domain';
import { DateField, IdField } from '../common/dto-fields';

export class CreateReviewDto {
  @ApiProperty({ example: '2026/27 Q3', description: 'The financial-year quarter (Q1 April-June … Q4 January-March); it must have begun' })
  @IsString()
  @Length(1, 20)
  quarter: string;
}

export class JudgementDto {
  @ApiProperty({ example: 'Overall', description: "An area of the inspection's judgements, a theme of the plan, or Overall" })
  @IsString()
  @Length(1, 300)
  area: string;

  @ApiProperty({ enum: PROGRESS_JUDGEMENTS })
  @IsIn(PROGRESS_JUDGEMENTS, { message: `judgement must be one of: ${PROGRESS_JUDGEMENTS.join(', ')}` })
  judgement: ProgressJudgement;

  @ApiProperty({ example: 'Re-referrals are down for a third quarter; assessment timeliness has slipped.' })
  @IsString()
  @Length(1, 5000)
  comment: string;
}

export class FollowUpDto {
  @ApiProperty({ example: 'Audit the assessments that went over 45 days' }) @IsString() @Length(1, 300) @MaxLength(300) title: string;
  @IdField() ownerId: string;
  @DateField() dueDate: string;
}
