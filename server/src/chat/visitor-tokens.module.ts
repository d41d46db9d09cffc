import { Global, Module } from '@nestjs/common';
import { VisitorTokens } from './visitor-tokens';

/** Visitor tokens are checked by the chat gateway and by image uploads alike. */
@Global()
@Module({ providers: [VisitorTokens], exports: [VisitorTokens] })
export class VisitorTokensModule {}
