import { Pipe, PipeTransform, inject } from '@angular/core';
import { I18n } from '../core/i18n';
import { plainTime, plainTimeWords } from '../desk/inbox-list';
import { calendarDate } from '../desk/timeline-rows';

/**
 * A plain time for forum lists: "10:32" today, "昨天 10:32", a short date before. Impure so a
 * language switch re-reads it (the same as the `t` pipe).
 */
@Pipe({ name: 'forumTime', pure: false })
export class ForumTimePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(iso: string): string {
    return plainTimeWords(plainTime(iso, new Date(), this.i18n.lang()), this.i18n);
  }
}

/** A calendar date in the reader's language: 2026年3月1日 / March 1, 2026. */
@Pipe({ name: 'forumDate', pure: false })
export class ForumDatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(iso: string): string {
    return calendarDate(iso, this.i18n.lang());
  }
}
