import { Body, CanActivate, Controller, Delete, ExecutionContext, Get, HttpCode, Injectable, Param, Patch, Post, Put, Query, Res, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { ImageUploadInterceptor, type UploadedImageFile } from '../images/image-upload.interceptor';
import { toChatImage } from '../images/images.mapper';
import { ImagesService } from '../images/images.service';
import { UploadLimiter } from '../images/upload-limiter';
import type { ChatImage, ForumBoard, ForumPost, ForumThread, ForumThreadPage } from '../realtime/contract';
import { ForumBoardsService } from './boards.service';
import { BoardDto, BoardsQueryDto, BoardUpdateDto, HideDto, NewPostDto, NewThreadDto, PostsQueryDto, PreviewDto, SolutionDto, StatusDto, ThreadsQueryDto } from './dto/forum.dto';
import { ForumReader, requireActor } from './forum-reader';
import { ForumReaderGuard, Reader } from './forum-reader.guard';
import { ForumViews } from './forum-views';
import { ForumService } from './forum.service';
import { ForumModerationService } from './moderation.service';

const PAGE_SIZE = 20;

/**
 * Upload rights and rate limit for forum images, checked before multer reads the body: a member
 * uploads as 'member', staff as 'staff'. Runs after ForumReaderGuard (class guards come first).
 */
@Injectable()
export class ForumUploadGuard implements CanActivate {
  constructor(private readonly limiter: UploadLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request & { forumReader?: ForumReader }>();
    const actor = requireActor(req.forumReader ?? { kind: 'anonymous' });
    await this.limiter.consume(actor.kind === 'member' ? { type: 'member', id: actor.member.id } : { type: 'staff', id: actor.staff.id }, req.ip ?? 'unknown');
    return true;
  }
}

/** Boards, threads and posts. Reading needs nobody signed in; writing a forum account or a staff session. */
@ApiTags('forum')
@Public()
@UseGuards(ForumReaderGuard)
@Controller('forum')
export class ForumController {
  constructor(
    private readonly forum: ForumService,
    private readonly moderation: ForumModerationService,
    private readonly boards: ForumBoardsService,
    private readonly views: ForumViews,
    private readonly images: ImagesService,
  ) {}

  @Get('boards')
  @ApiOperation({ summary: 'Boards by position, with their visible thread counts (archived ones too: admins, ?all=true)' })
  listBoards(@Query() query: BoardsQueryDto, @Reader() reader: ForumReader): Promise<ForumBoard[]> {
    return this.boards.list(reader, query.all === 'true');
  }

  @Post('boards')
  @ApiOperation({ summary: 'Admins: make a board' })
  @ApiResponse({ status: 409, description: '`forum.slug_taken`' })
  createBoard(@Body() body: BoardDto, @Reader() reader: ForumReader): Promise<ForumBoard> {
    return this.boards.create(reader, body);
  }

  @Patch('boards/:id')
  @ApiOperation({ summary: 'Admins: rename, describe, reorder or archive a board (its slug never changes)' })
  updateBoard(@Param('id') id: string, @Body() body: BoardUpdateDto, @Reader() reader: ForumReader): Promise<ForumBoard> {
    return this.boards.update(reader, id, body);
  }

  @Get('threads')
  @ApiOperation({ summary: 'Threads across the open boards, newest activity first (keyset pages)' })
  @ApiResponse({ status: 400, description: '`forum.invalid_cursor`' })
  threads(@Query() query: ThreadsQueryDto): Promise<ForumThreadPage> {
    return this.views.page(null, query.before, query.limit ?? PAGE_SIZE);
  }

  @Get('boards/:slug/threads')
  @ApiOperation({ summary: "One board's threads, newest activity first (keyset pages), with the board" })
  @ApiResponse({ status: 404, description: '`forum.board_not_found`' })
  async boardThreads(@Param('slug') slug: string, @Query() query: ThreadsQueryDto): Promise<ForumThreadPage & { board: ForumBoard }> {
    const board = await this.boards.bySlug(slug);
    const page = await this.views.page(board.id, query.before, query.limit ?? PAGE_SIZE);
    return { ...page, board: await this.boards.view(board) };
  }

  @Post('threads')
  @ApiOperation({ summary: 'Start a thread (member or staff); the same clientId again answers 200 with that thread' })
  @ApiResponse({ status: 400, description: '`forum.board_archived`, `validation_failed`' })
  @ApiResponse({ status: 401, description: '`forum.sign_in_required`' })
  @ApiResponse({ status: 429, description: '`rate_limited`, with Retry-After' })
  async startThread(@Body() body: NewThreadDto, @Reader() reader: ForumReader, @Res({ passthrough: true }) res: Response): Promise<ForumThread> {
    const { thread, created } = await this.forum.startThread(reader, body);
    res.status(created ? 201 : 200);
    return thread;
  }

  @Get('threads/:id')
  @ApiOperation({ summary: 'A thread with its first 50 posts, its solution and its feedback status history' })
  @ApiResponse({ status: 404, description: '`forum.thread_not_found`' })
  thread(@Param('id') id: string, @Reader() reader: ForumReader): Promise<ForumThread> {
    return this.views.thread(id, reader);
  }

  @Get('threads/:id/posts')
  @ApiOperation({ summary: 'Posts after a known one, oldest first' })
  posts(@Param('id') id: string, @Query() query: PostsQueryDto, @Reader() reader: ForumReader): Promise<{ posts: ForumPost[]; nextCursor: string | null }> {
    return this.views.postsAfter(id, query.after, query.limit ?? 50, reader);
  }

  @Post('threads/:id/posts')
  @ApiOperation({ summary: 'Reply (member or staff); the same clientId again answers 200 with that post' })
  @ApiResponse({ status: 409, description: '`forum.thread_locked` (members)' })
  @ApiResponse({ status: 429, description: '`rate_limited`, with Retry-After' })
  async reply(@Param('id') id: string, @Body() body: NewPostDto, @Reader() reader: ForumReader, @Res({ passthrough: true }) res: Response): Promise<ForumPost> {
    const { post, created } = await this.forum.reply(reader, id, body);
    res.status(created ? 201 : 200);
    return post;
  }

  @Put('threads/:id/solution')
  @ApiOperation({ summary: "The thread's starter or staff: accept a visible reply as the answer" })
  @ApiResponse({ status: 400, description: '`forum.invalid_solution`' })
  setSolution(@Param('id') id: string, @Body() body: SolutionDto, @Reader() reader: ForumReader): Promise<ForumThread> {
    return this.moderation.setSolution(reader, id, body.postId);
  }

  @Delete('threads/:id/solution')
  @ApiOperation({ summary: "The thread's starter or staff: no accepted answer" })
  unsetSolution(@Param('id') id: string, @Reader() reader: ForumReader): Promise<ForumThread> {
    return this.moderation.setSolution(reader, id, null);
  }

  @Put('threads/:id/status')
  @ApiOperation({ summary: "Staff, suggestion boards: set the feedback status; it lands on every participant's timeline" })
  @ApiResponse({ status: 400, description: '`forum.not_a_suggestion`' })
  setStatus(@Param('id') id: string, @Body() body: StatusDto, @Reader() reader: ForumReader): Promise<ForumThread> {
    return this.moderation.setStatus(reader, id, body.status, body.note ?? null);
  }

  @Put('threads/:id/lock')
  @ApiOperation({ summary: 'Staff: lock a thread (members can no longer reply)' })
  lock(@Param('id') id: string, @Reader() reader: ForumReader): Promise<ForumThread> {
    return this.moderation.setLocked(reader, id, true);
  }

  @Delete('threads/:id/lock')
  @ApiOperation({ summary: 'Staff: unlock a thread' })
  unlock(@Param('id') id: string, @Reader() reader: ForumReader): Promise<ForumThread> {
    return this.moderation.setLocked(reader, id, false);
  }

  @Put('posts/:id/hidden')
  @ApiOperation({ summary: 'Staff: hide a post (kept, with the reason; its author and staff still see it)' })
  hide(@Param('id') id: string, @Body() body: HideDto, @Reader() reader: ForumReader): Promise<ForumPost> {
    return this.moderation.setHidden(reader, id, body.reason);
  }

  @Delete('posts/:id/hidden')
  @ApiOperation({ summary: 'Staff: show a hidden post again' })
  unhide(@Param('id') id: string, @Reader() reader: ForumReader): Promise<ForumPost> {
    return this.moderation.setHidden(reader, id, null);
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({ summary: "The composer's preview: Markdown rendered and sanitised exactly as a post would be" })
  preview(@Body() body: PreviewDto, @Reader() reader: ForumReader): Promise<{ html: string }> {
    return this.forum.preview(reader, body.body);
  }

  @Post('images')
  @UseGuards(ForumUploadGuard)
  @UseInterceptors(ImageUploadInterceptor)
  @ApiOperation({ summary: 'Upload an image for a post (member or staff); put ![](url) into the Markdown' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiResponse({ status: 401, description: '`forum.sign_in_required`' })
  async upload(@UploadedFile() file: UploadedImageFile | undefined, @Reader() reader: ForumReader): Promise<ChatImage> {
    const actor = requireActor(reader);
    return toChatImage(await this.images.upload(actor.kind === 'member' ? { type: 'member', id: actor.member.id } : { type: 'staff', id: actor.staff.id }, file));
  }
}
