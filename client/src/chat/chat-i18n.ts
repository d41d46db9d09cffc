import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { CHAT_STORAGE } from './chat-storage';

export type ChatLang = 'zh-CN' | 'en';

const zhCN = {
  title: '在线客服',
  staffAround: '客服在线',
  staffAway: '客服暂时不在，留言后会尽快回复你',
  typing: '对方正在输入…',
  connecting: '连接中…',
  reconnecting: '正在重新连接…',
  conversation: '聊天记录',
  loadingOlder: '正在加载更早的消息…',
  empty: '你好！有什么可以帮你的？直接发消息给我们吧。',
  message: '输入消息',
  send: '发送',
  sendImage: '发送图片',
  sending: '发送中',
  notSent: '未发送',
  retry: '重试',
  delete: '删除',
  me: '我',
  staff: '客服',
  image: '图片',
  viewImage: '查看大图',
  close: '关闭',
  yesterday: '昨天',
  switchLang: 'English',
  otherLang: 'EN',
  contact: '留下联系方式',
  contactHint: '留下称呼和手机号，方便我们找到你以前的记录。',
  name: '称呼',
  phone: '手机号',
  save: '保存',
  saving: '保存中…',
  saved: '已保存',
  tooLong: '消息太长了，最多 {max} 个字',
  uploadFailed: '图片上传失败',
  offline: '还没有连上，请稍后再试',
  phoneInvalid: '请填写正确的手机号',
  imageTooLarge: '图片太大了，请换一张小一点的',
  imageType: '只能发送 JPEG、PNG、GIF 或 WebP 图片',
  imageUnreadable: '图片无法读取，可能已损坏',
  imageGone: '图片已失效，请重新发送',
  emptyMessage: '不能发送空白消息',
  tooFast: '发得太快了，请稍等一下再试',
} as const;

export type ChatMessages = { readonly [K in keyof typeof zhCN]: string };

const en: ChatMessages = {
  title: 'Customer service',
  staffAround: "We're around",
  staffAway: "No one is around right now — leave a message and we'll reply soon",
  typing: 'Typing…',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  conversation: 'Conversation',
  loadingOlder: 'Loading earlier messages…',
  empty: 'Hello! How can we help? Just send us a message.',
  message: 'Message',
  send: 'Send',
  sendImage: 'Send image',
  sending: 'Sending',
  notSent: 'Not sent',
  retry: 'Retry',
  delete: 'Delete',
  me: 'Me',
  staff: 'Service team',
  image: 'Image',
  viewImage: 'View image',
  close: 'Close',
  yesterday: 'Yesterday',
  switchLang: '中文',
  otherLang: '中',
  contact: 'Leave your contact',
  contactHint: 'Leave your name and phone so we can find your earlier records.',
  name: 'Name',
  phone: 'Phone',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved',
  tooLong: 'That message is too long (at most {max} characters)',
  uploadFailed: 'The image could not be uploaded',
  offline: 'Not connected yet; please try again in a moment',
  phoneInvalid: 'Please enter a valid phone number',
  imageTooLarge: 'That image is too large; send a smaller one',
  imageType: 'Only JPEG, PNG, GIF and WebP images can be sent',
  imageUnreadable: 'That image could not be read; it may be damaged',
  imageGone: 'That image is no longer available; send it again',
  emptyMessage: 'A message cannot be empty',
  tooFast: 'That was very fast; wait a moment and try again',
};

// Server error codes the page says in its own words (the server's messages are in English).
const ERROR_KEYS: Readonly<Record<string, keyof ChatMessages>> = {
  'image.too_large': 'imageTooLarge',
  'image.too_many_pixels': 'imageTooLarge',
  'upload.413': 'imageTooLarge',
  'image.unsupported_type': 'imageType',
  'upload.415': 'imageType',
  'image.unreadable': 'imageUnreadable',
  'chat.image_not_found': 'imageGone',
  'chat.empty_message': 'emptyMessage',
  'chat.rate_limited': 'tooFast',
  rate_limited: 'tooFast',
  'customer.invalid_phone': 'phoneInvalid',
};

/**
 * Why something failed, for the visitor: in Chinese the page's words for the errors it knows; in
 * English the server's own message (it is written for people), else the page's words.
 */
export function describeError(error: { code: string; message?: string | null }, lang: ChatLang): string {
  const dict = DICTIONARIES[lang];
  const key = ERROR_KEYS[error.code] ?? (error.code.startsWith('upload.') ? 'uploadFailed' : undefined);
  if (lang === 'en' && error.message) return error.message;
  if (key) return dict[key];
  return error.message || error.code;
}

const DICTIONARIES: Readonly<Record<ChatLang, ChatMessages>> = { 'zh-CN': zhCN, en };

/** Shared with the desk, so one browser keeps one choice. */
export const LANG_STORAGE_KEY = 'hearth.lang';

/** The chat page's language: Chinese unless the browser asks for English or the visitor chose. */
@Injectable({ providedIn: 'root' })
export class ChatI18n {
  private readonly document = inject(DOCUMENT);
  private readonly storage = inject(CHAT_STORAGE);
  private readonly current = signal<ChatLang>(this.initialLang());

  readonly lang = this.current.asReadonly();
  /** The current dictionary: `t().send`. */
  readonly t = computed(() => DICTIONARIES[this.current()]);

  constructor() {
    this.apply();
  }

  toggle(): void {
    this.current.set(this.current() === 'en' ? 'zh-CN' : 'en');
    this.apply();
    this.storage.set(LANG_STORAGE_KEY, this.current());
  }

  private apply(): void {
    this.document.documentElement.lang = this.current();
    this.document.title = this.t().title;
  }

  private initialLang(): ChatLang {
    const stored = this.storage.get(LANG_STORAGE_KEY);
    if (stored === 'en' || stored === 'zh-CN') return stored;
    const browser = this.document.defaultView?.navigator.language ?? '';
    return /^en\b/i.test(browser) ? 'en' : 'zh-CN';
  }
}

/** Fills `{name}` placeholders. */
export function fill(text: string, params: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
