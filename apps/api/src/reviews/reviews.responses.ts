import { ApiProperty } from '@nestjs/swagger';
import { Id, Instant, NullableId, NullableText } from '../common/response-fields';

// The reviews list as ReviewService returns it (a review itself: REVIEW_SCHEMA in reviews.dto.ts).

export class ReviewListItemResponse {
  @Id() id: string;
  @Id() authorityId: string;
  @Id() planId: string;
  @ApiProperty({ example: '2026/27 Q3' }) quarter: string;
  @ApiProperty({ enum: ['draft', 'signed'] }) status: string;
  @NullableText('The review as it was signed (pack, judgements, follow-ups) as JSON text; null while a draft') frozen: string | null;
  @Id() createdById: string;
  @Instant() createdAt: string;
  @NullableId() signedById: string | null;
  @Instant(true) signedAt: string | null;
}
