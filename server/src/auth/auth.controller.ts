import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../config/config';
import { StaffResponse, toStaffDto } from '../staff/staff.mapper';
import { Staff } from '../staff/staff.entity';
import { CurrentStaff, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; sets an httpOnly session cookie' })
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<StaffResponse> {
    const { staff, token, expiresAt } = await this.auth.login(body.email, body.password, req.ip ?? 'unknown');
    res.cookie(SESSION_COOKIE, token, sessionCookieOptions(this.config, expiresAt));
    return { staff: toStaffDto(staff) };
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out this browser' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token) await this.auth.logout(token);
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(this.config));
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in staff member' })
  me(@CurrentStaff() staff: Staff): StaffResponse {
    return { staff: toStaffDto(staff) };
  }
}
