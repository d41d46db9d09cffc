// UI text of replies to WeChat on the desk (delivery, refusals, the inbox's notice), spread into the app's dictionaries.

export const wechatReplyZhCN = {
  'wechatReply.reason.uncertain': '不确定是否送达（微信没有答复，或发送途中连接中断）。请在微信里确认后再决定是否重发。',
  // The server's refusals of a reply, by code (the composer shows them on the failed reply).
  'wechatReply.ack.channel_disabled': '这个公众号已断开连接，回复发不出去。请联系管理员重新连接。',
  'wechatReply.ack.image_unsupported': '暂时不能从工作台给微信发图片，请发文字。',
  'wechatReply.ack.other': '回复没有发出：{message}',
  // The inbox, when one of my replies did not get through.
  'wechatReply.inbox.undelivered': '回复未送达',
  'wechatReply.inbox.undeliveredTo': '给 {name} 的回复未送达：{body}',
};

export const wechatReplyEn: Readonly<Record<keyof typeof wechatReplyZhCN, string>> = {
  'wechatReply.reason.uncertain':
    'It is not certain this arrived (WeChat did not answer, or the connection dropped while sending). Check in WeChat before you send it again.',
  'wechatReply.ack.channel_disabled': 'This WeChat account is disconnected, so the reply cannot go out. Ask an admin to connect it again.',
  'wechatReply.ack.image_unsupported': 'Images cannot be sent to WeChat from the desk yet. Send text.',
  'wechatReply.ack.other': 'The reply was not sent: {message}',
  'wechatReply.inbox.undelivered': 'Reply not delivered',
  'wechatReply.inbox.undeliveredTo': 'Your reply to {name} was not delivered: {body}',
};
