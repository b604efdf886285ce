import { Body, Controller, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, badRequest, MeasureImportService } from '@app/core';
import { rolesFor } from '@app/domain';
import { CurrentActor, Roles } from '../common/decorators';
import { ImportFiguresDto } from './measure-import.dto';

@ApiTags('measures')
@Controller('api/v1/measures')
export class MeasureImportController {
  constructor(private readonly imports: MeasureImportService) {}

  @Roles(...rolesFor('measures.create'))
  @Post('import-from-report')
  @ApiOperation({
    summary:
      "Read a council paper's performance figures (text, PDF or Word) and import the chosen ones: each to the measure of its name (made if new), its value stored for its period; all or nothing",
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' }, dryRun: { type: 'boolean' }, choices: { type: 'string', example: '[{"index":0}]' } },
    },
  })
  @UseInterceptors(FileInterceptor('file'))
  async import(
    @CurrentActor() actor: Authenticated,
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @Body() body: ImportFiguresDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (!file) throw badRequest('file_required', 'Attach the paper in the "file" field of a multipart form (a .txt, .pdf or .docx)');
    const figures = await this.imports.read(file.buffer);
    const result = await this.imports.import(actor, figures, { dryRun: body.dryRun, choices: body.choices });
    res.status(result.dryRun ? 200 : 201);
    return result;
  }
}
