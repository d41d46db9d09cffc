import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import type { AuditPage } from '../realtime/contract';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit.dto';

@ApiTags('audit')
@Roles('admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'Admin: the audit log of staff actions, newest first, keyset-paged; filter by staff, target or action' })
  list(@Query() q: AuditQueryDto): Promise<AuditPage> {
    return this.audit.page({ before: q.before, limit: q.limit ?? 50, staffId: q.staffId, targetId: q.targetId, action: q.action });
  }
}
