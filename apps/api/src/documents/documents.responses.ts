import { ApiProperty } from '@nestjs/swagger';
import { TIMESCALES } from '@app/domain';
import { Day, Id, Instant, NullableId, NullableNumber, NullableText } from '../common/response-fields';

// The 2xx bodies of the documents routes, as DocumentService and the report reader return them.

export class FindingResponse {
  @Id() id: string;
  @Id() authorityId: string;
  @Id() documentId: string;
  @ApiProperty({ description: 'Where the finding sits in the report' }) section: string;
  @ApiProperty({ enum: TIMESCALES }) timescale: string;
  @ApiProperty() text: string;
  @NullableText('The partner organisation(s) it is addressed to, when not the council') ownerOrg: string | null;
  @NullableNumber('First source line') lineStart: number | null;
  @NullableNumber('Last source line') lineEnd: number | null;
  @ApiProperty({ type: 'integer' }) position: number;
}

export class JudgementResponse {
  @Id() id: string;
  @Id() authorityId: string;
  @Id() documentId: string;
  @ApiProperty() area: string;
  @ApiProperty({ type: 'integer' }) grade: number;
  @NullableText() label: string | null;
  @ApiProperty({ description: 'The scale the grade is on (scales differ by framework)' }) scale: string;
}

/** A document in the list: no findings, no text. */
export class DocumentListItemResponse {
  @Id() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: 'ilacs_inspection' }) kind: string;
  @ApiProperty({ type: [String] }) inspectorates: string[];
  @Day(true) publishedOn: string | null;
  @Day(true) inspectionStart: string | null;
  @Day(true) inspectionEnd: string | null;
  @Instant() createdAt: string;
}

export class DocumentResponse extends DocumentListItemResponse {
  @Id() authorityId: string;
  @NullableText('SHA-256 of the content: the same content is stored once') contentHash: string | null;
  @NullableId('Who stored it (null for the command line)') createdById: string | null;
  @ApiProperty({ type: [JudgementResponse] }) judgements: JudgementResponse[];
  @ApiProperty({ type: [FindingResponse] }) findings: FindingResponse[];
}

export class DocumentWithTextResponse extends DocumentResponse {
  @NullableText('The text as stored') body: string | null;
}

export class DocumentImportedResponse extends DocumentResponse {
  @ApiProperty({ description: 'False when the same content was already stored (that document is answered, with 200)' }) created: boolean;
}

class ReadDatesResponse {
  @Day(true) start: string | null;
  @Day(true) end: string | null;
}

class ReadJudgementResponse {
  @ApiProperty() area: string;
  @ApiProperty({ type: 'integer' }) grade: number;
  @NullableText() label: string | null;
  @ApiProperty() scale: string;
}

class ReadFindingResponse {
  @ApiProperty() section: string;
  @ApiProperty({ enum: TIMESCALES }) timescale: string;
  @ApiProperty() text: string;
  @NullableText() ownerOrg: string | null;
  @ApiProperty({ type: 'integer', description: 'First source line' }) line: number;
}

class BandResponse {
  @ApiProperty() low: number;
  @ApiProperty() high: number;
}

class PaperFigureResponse {
  @ApiProperty({ example: 'Re-referrals within 12 months' }) name: string;
  @ApiProperty({ example: '%', description: '"%", "per 10,000" (or per 1,000, per 100,000), "count", "days", or "number" when the paper does not say' })
  unit: string;
  @NullableNumber('Null when the paper gives only a band or a target') value: number | null;
  @NullableText('A financial-year quarter ("2014/15 Q4") where a date or month is given, else as written') period: string | null;
  @NullableNumber() target: number | null;
  @ApiProperty({ type: String, enum: ['higher', 'lower', 'band'], nullable: true }) polarity: string | null;
  @ApiProperty({ type: BandResponse, nullable: true }) band: BandResponse | null;
  @NullableNumber('The national average the paper compares it with') national: number | null;
  @ApiProperty({ type: 'integer', description: 'The line it is on' }) line: number;
}

/** A dry run: what the report reader found, nothing stored. */
/** Why a document gave no findings: the layout it was taken for, the sections looked for, the headings seen. */
export class LayoutDiagnosisResponse {
  @ApiProperty() kind: string;
  @NullableText('The kind as people call it; null when the layout was not recognised') recognisedAs: string | null;
  @ApiProperty({ type: [String] }) lookedFor: string[];
  @ApiProperty({ type: [String] }) found: string[];
}

export class ReportReadResponse {
  @ApiProperty() kind: string;
  @NullableText('The council named in the report') authority: string | null;
  @ApiProperty({ type: [String] }) inspectorates: string[];
  @Day(true, 'The publication date, or the date of a letter or meeting') published: string | null;
  @ApiProperty({ type: ReadDatesResponse }) inspectionDates: ReadDatesResponse;
  @ApiProperty({ type: [ReadJudgementResponse] }) judgements: ReadJudgementResponse[];
  @ApiProperty({ type: [ReadFindingResponse] }) findings: ReadFindingResponse[];
  @ApiProperty({ type: [String], description: 'Areas for a future inspection to look at: not findings' }) focusAreas: string[];
  @ApiProperty({ type: LayoutDiagnosisResponse, nullable: true, description: 'Only for a paper with figures but no findings' })
  layout: LayoutDiagnosisResponse | null;
  @ApiProperty({ type: [PaperFigureResponse], description: "The paper's performance figures, read as measures" }) measures: PaperFigureResponse[];
}
