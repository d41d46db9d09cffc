import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { Gesture } from '@hearth/contract';
import { I18n, TranslatePipe } from '../core/i18n';
import { GESTURE_STATUS_LABELS, gestureKindIcon, gestureKindName } from '../shared/gesture-kinds';

/** The gestures of a story: what, by whom, whether given yet, and how the customer took it. */
@Component({
  selector: 'app-story-gestures',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <ul>
      @for (gesture of gestures(); track gesture.id) {
        <li class="gesture">
          <span class="icon" aria-hidden="true">
            <span class="material-symbols-outlined">{{ icon(gesture.kind) }}</span>
          </span>
          <div class="body">
            <p class="head">
              <strong>{{ name(gesture.kind) }}</strong>
              <span class="status" [class.given]="gesture.status === 'given'">{{ statusNames[gesture.status] | t }}</span>
              <span class="by">{{ 'stories.story.gestureBy' | t: { name: gesture.by.name } }}</span>
            </p>
            <p class="note">{{ gesture.note }}</p>
            @if (gesture.reaction; as reaction) {
              <blockquote class="reaction">
                <p>{{ reaction }}</p>
              </blockquote>
            }
          </div>
        </li>
      }
    </ul>
  `,
  styleUrl: './story-gestures.scss',
})
export class StoryGestures {
  private readonly i18n = inject(I18n);

  readonly gestures = input.required<readonly Gesture[]>();
  protected readonly statusNames = GESTURE_STATUS_LABELS;

  protected name(kind: string): string {
    return gestureKindName(kind, (key) => this.i18n.t(key));
  }

  protected icon(kind: string) {
    return gestureKindIcon(kind);
  }
}
