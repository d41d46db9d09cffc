import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Put, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { sessionCookieOptions } from '../auth/session-cookie';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { ForumMember, ForumMemberProfile, ForumViewer } from '../realtime/contract';
import { FORUM_COOKIE, ForumAccountsService, SignedIn } from './accounts.service';
import { RegistrationDto, SignInDto, UpdateMeDto } from './dto/forum.dto';
import { canModerate, ForumReader, requireMember, requireModerator } from './forum-reader';
import { ForumReaderGuard, ForumToken, Reader } from './forum-reader.guard';
import { ForumViews } from './forum-views';
import { toForumMember } from './forum.mapper';

/** Forum accounts: register, sign in and out, who is reading, profiles and senior fans. */
@ApiTags('forum')
@Public()
@UseGuards(ForumReaderGuard)
@Controller('forum')
export class ForumAccountsController {
  constructor(
    private readonly accounts: ForumAccountsService,
    private readonly views: ForumViews,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('accounts')
  @ApiOperation({ summary: 'Make a forum account (a customer with a `forum` identity) and sign in to it' })
  @ApiResponse({ status: 409, description: '`forum.username_taken`' })
  @ApiResponse({ status: 429, description: '`rate_limited` (accounts per address per hour), with Retry-After' })
  async register(@Body() body: RegistrationDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ForumMember> {
    return this.signedIn(await this.accounts.register(body, req.ip ?? 'unknown'), res);
  }

  @Post('session')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in to a forum account; sets the httpOnly `hearth_forum` cookie' })
  @ApiResponse({ status: 401, description: '`forum.invalid_credentials`' })
  @ApiResponse({ status: 429, description: '`rate_limited` after repeated failures' })
  async signIn(@Body() body: SignInDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ForumMember> {
    return this.signedIn(await this.accounts.signIn(body.username, body.password, req.ip ?? 'unknown'), res);
  }

  @Delete('session')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out of the forum account in this browser' })
  async signOut(@ForumToken() token: string | null, @Res({ passthrough: true }) res: Response): Promise<void> {
    if (token) await this.accounts.signOut(token);
    res.clearCookie(FORUM_COOKIE, sessionCookieOptions(this.config));
  }

  @Get('me')
  @ApiOperation({ summary: 'Who is reading: anonymous, a forum member, or staff (signed in to the desk)' })
  me(@Reader() reader: ForumReader): ForumViewer {
    if (reader.kind === 'member') return { kind: 'member', member: toForumMember(reader.member) };
    if (reader.kind === 'staff') {
      const { id, displayName, role } = reader.staff;
      return { kind: 'staff', staff: { id, name: displayName, role, canModerate: canModerate(reader) } };
    }
    return { kind: 'anonymous' };
  }

  @Patch('me')
  @ApiOperation({ summary: 'Change my display name, phone (null clears) or password (with the current one)' })
  @ApiResponse({ status: 400, description: '`forum.wrong_password`, `forum.invalid_phone`, `validation_failed`' })
  async updateMe(@Body() body: UpdateMeDto, @Reader() reader: ForumReader, @ForumToken() token: string | null): Promise<ForumMember> {
    return toForumMember(await this.accounts.update(requireMember(reader), body, token));
  }

  @Get('members/:username')
  @ApiOperation({ summary: "A member's public profile: threads they started and threads their answer solved" })
  @ApiResponse({ status: 404, description: '`forum.member_not_found`' })
  profile(@Param('username') username: string, @Reader() reader: ForumReader): Promise<ForumMemberProfile> {
    return this.views.profile(username, reader);
  }

  @Put('members/:username/senior-fan')
  @ApiOperation({ summary: 'Staff (agent, manager, admin): acknowledge a member as a senior fan' })
  async markFan(@Param('username') username: string, @Reader() reader: ForumReader): Promise<ForumMemberProfile> {
    await this.accounts.setSeniorFan(requireModerator(reader), username, true);
    return this.views.profile(username, reader);
  }

  @Delete('members/:username/senior-fan')
  @ApiOperation({ summary: 'Staff (agent, manager, admin): no longer a senior fan' })
  async unmarkFan(@Param('username') username: string, @Reader() reader: ForumReader): Promise<ForumMemberProfile> {
    await this.accounts.setSeniorFan(requireModerator(reader), username, false);
    return this.views.profile(username, reader);
  }

  private signedIn({ member, token, expiresAt }: SignedIn, res: Response): ForumMember {
    res.cookie(FORUM_COOKIE, token, sessionCookieOptions(this.config, expiresAt));
    return toForumMember(member);
  }
}
