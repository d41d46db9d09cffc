import type { GestureKind, GestureStatus } from '@hearth/contract';
import type { MaterialSymbol } from 'material-symbols';
import type { MessageKey } from '../core/i18n';

/** Gesture kinds and statuses, named and drawn the same wherever they show (desk, stories, print). */
export const GESTURE_KIND_LABELS: Readonly<Record<GestureKind, MessageKey>> = {
  handwritten_card: 'gestures.kind.handwritten_card',
  small_gift: 'gestures.kind.small_gift',
  fee_waived: 'gestures.kind.fee_waived',
  upgrade: 'gestures.kind.upgrade',
  follow_up_call: 'gestures.kind.follow_up_call',
  other: 'gestures.kind.other',
};

export const GESTURE_KIND_ICONS: Readonly<Record<GestureKind, MaterialSymbol>> = {
  handwritten_card: 'stylus_note',
  small_gift: 'redeem',
  fee_waived: 'money_off',
  upgrade: 'upgrade',
  follow_up_call: 'call',
  other: 'favorite',
};

export const GESTURE_STATUS_LABELS: Readonly<Record<GestureStatus, MessageKey>> = {
  planned: 'gestures.status.planned',
  given: 'gestures.status.given',
};

/** A kind's label key, or null for a kind this client does not know yet (shown as sent). */
export function gestureKindLabel(kind: string | null): MessageKey | null {
  return kind && Object.hasOwn(GESTURE_KIND_LABELS, kind) ? GESTURE_KIND_LABELS[kind as GestureKind] : null;
}

export function gestureStatusLabel(status: string | null): MessageKey | null {
  return status && Object.hasOwn(GESTURE_STATUS_LABELS, status) ? GESTURE_STATUS_LABELS[status as GestureStatus] : null;
}

/** A kind in the reader's language; one this client does not know yet shows as sent. */
export function gestureKindName(kind: string | null, t: (key: MessageKey) => string): string {
  const key = gestureKindLabel(kind);
  return key ? t(key) : (kind ?? '');
}

/** A status in the reader's language; one this client does not know yet shows as sent. */
export function gestureStatusName(status: string | null, t: (key: MessageKey) => string): string {
  const key = gestureStatusLabel(status);
  return key ? t(key) : (status ?? '');
}

export function gestureKindIcon(kind: string | null): MaterialSymbol {
  return kind && Object.hasOwn(GESTURE_KIND_ICONS, kind) ? GESTURE_KIND_ICONS[kind as GestureKind] : 'redeem';
}
