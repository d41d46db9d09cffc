// The demo forum: boards, members and threads in Chinese, as a lively community would have them.
// Times are days ago + local HH:MM; `by` is a member's username or a staff member ({ staff }).

export type DemoStaffKey = 'lin' | 'chen' | 'emma' | 'zhou';
export type DemoBy = string | { staff: DemoStaffKey };
export type DemoWhen = { daysAgo: number; at: string };
export type DemoPost = DemoWhen & { by: DemoBy; body: string; hidden?: { by: DemoStaffKey; reason: string } };
export type DemoThread = {
  board: DemoBoardSlug;
  title: string;
  opening: DemoPost;
  replies: DemoPost[];
  /** The reply (index into `replies`) accepted as the answer, by whom and when. */
  solution?: { reply: number; by: DemoBy } & DemoWhen;
  statuses?: ({ status: 'heard' | 'planned' | 'shipped'; by: DemoStaffKey; note?: string } & DemoWhen)[];
  locked?: { by: DemoStaffKey } & DemoWhen;
};

/** The boards the forum migration creates. */
export type DemoBoardSlug = 'help' | 'ideas' | 'showcase';

/**
 * Forum accounts. `customer` names a customer an earlier step made (whose `forum` identity this
 * account becomes); the others get a customer of their own.
 */
export const DEMO_MEMBERS: { username: string; displayName: string; customer?: string; phone?: string; fan?: { by: DemoStaffKey } & DemoWhen; joined: number }[] = [
  { username: 'zhangwei88', displayName: '张伟', customer: '张伟', joined: 420 },
  { username: 'xiaomi_huang', displayName: '小米', customer: '黄小米', joined: 740, fan: { by: 'lin', daysAgo: 600, at: '10:00' } },
  { username: 'wuhao_photo', displayName: '吴昊', customer: '吴昊', joined: 300 },
  { username: 'xue_zhao', displayName: '赵雪', customer: '赵雪', joined: 5 },
  { username: 'lina_sunny', displayName: '娜娜', customer: '李娜', joined: 90 },
  { username: 'laok', displayName: '老K', joined: 760, fan: { by: 'chen', daysAgo: 400, at: '15:30' } },
  { username: 'linyue_design', displayName: '林悦', joined: 380, fan: { by: 'lin', daysAgo: 200, at: '11:20' } },
  { username: 'chenchen_run', displayName: '陈晨爱跑步', joined: 150 },
  { username: 'dada_mama', displayName: '大大妈妈', joined: 45 },
  { username: 'liu_engineer', displayName: '刘工', joined: 25 },
  { username: 'miaomiao', displayName: '喵喵', joined: 60 },
  { username: 'photo_ma', displayName: '马克拍照', joined: 200 },
  { username: 'deal_bot88', displayName: '优惠代购', joined: 3 },
];

/** The long-running thread per topic that 小米's two years of forum posts (the long demo history) reply in. */
export const topicThreadTitle = (topic: string) => `【交流帖】${topic}使用心得，欢迎补充`;
/** Opened by the team (so a regular's hundreds of replies do not fill a member's timeline as replies to them). */
export const TOPIC_THREAD_STARTER: DemoBy = { staff: 'zhou' };

/** Threads whose customers' cases (demo stories step) take in their forum events. */
export const CASE_THREADS: { customer: string; caseTitle: string; thread: string }[] = [
  { customer: '张伟', caseTitle: '屏幕碎了', thread: '屏幕碎了还能保修吗' },
  { customer: '吴昊', caseTitle: '系统更新后相机打不开', thread: '更新 3.2.1 之后相机打不开' },
];

export const DEMO_THREADS: DemoThread[] = [
  {
    board: 'help',
    title: '【必读】发帖前看一看：怎样描述问题，更快得到帮助',
    opening: {
      by: { staff: 'zhou' }, daysAgo: 90, at: '10:00',
      body: '欢迎来到社区！提问时写清楚这几样，大家就能更快帮到你：\n\n1. **设备型号**和系统版本（设置 → 关于本机）\n2. 问题是**什么时候开始**的，之前做过什么（比如刚更新、刚摔过）\n3. 已经试过哪些办法\n4. 能截图就截图，点输入框上方的图片按钮就能上传\n\n请不要在帖子里留手机号、地址和订单号。需要核对个人信息时，我们会在服务号或电话里和你联系。',
    },
    replies: [],
    locked: { by: 'zhou', daysAgo: 90, at: '10:01' },
  },
  {
    board: 'help',
    title: '屏幕碎了还能保修吗',
    opening: { by: 'zhangwei88', daysAgo: 9, at: '21:14', body: '新买的手机一周屏幕就碎了，是我摔的，能修吗？大概要多少钱？' },
    replies: [
      { by: 'laok', daysAgo: 9, at: '21:40', body: '自己摔的属于人为损坏，不在免费保修里，不过别太担心：官方换外屏的价格挺实在，也比外面的小店放心。\n\n带上手机去门店**先检测一下是外屏还是内屏**，这两个价格差很多。' },
      { by: 'zhangwei88', daysAgo: 9, at: '21:52', body: '原来外屏和内屏差这么多，谢谢老K！明天就去店里看看。' },
      { by: { staff: 'lin' }, daysAgo: 8, at: '09:20', body: '张先生您好，我是客服林晓。老K说得对～我已经在服务号上联系您了，静安店可以先帮您免费检测。' },
      { by: 'zhangwei88', daysAgo: 7, at: '19:05', body: '去过店里了，只是外屏碎，王磊师傅半小时就换好了。谢谢老K，也谢谢林晓！' },
    ],
    solution: { reply: 0, by: 'zhangwei88', daysAgo: 7, at: '19:06' },
  },
  {
    board: 'help',
    title: '更新 3.2.1 之后相机打不开',
    opening: { by: 'wuhao_photo', daysAgo: 17, at: '22:30', body: '昨晚更新到 3.2.1，今天相机一点开就黑屏闪退。周末要给孩子拍运动会，有人遇到过吗？' },
    replies: [
      { by: 'xiaomi_huang', daysAgo: 17, at: '22:52', body: '我更新后也遇到过一次。先试试“设置 → 应用 → 相机 → 清除缓存”，再重启。如果还不行，可能是装了第三方美颜相机抢了权限，先卸载试试。' },
      { by: 'wuhao_photo', daysAgo: 17, at: '23:10', body: '清了缓存能打开了，但切到人像模式还是闪退……' },
      { by: { staff: 'chen' }, daysAgo: 16, at: '10:05', body: '吴先生您好，谢谢小米的热心回复！人像模式闪退是 3.2.1 的一个已知问题，和第三方相机应用的权限冲突有关。我在服务号上联系您，帮您看看具体情况。' },
      { by: { staff: 'chen' }, daysAgo: 11, at: '10:45', body: '更新：3.2.2 已推送，修复了人像模式和第三方相机应用的冲突。已电话确认吴先生的手机一切正常。也谢谢 @小米 第一时间帮忙。' },
    ],
    solution: { reply: 3, by: { staff: 'chen' }, daysAgo: 11, at: '10:50' },
  },
  {
    board: 'help',
    title: '充电时手表发烫',
    opening: { by: 'xue_zhao', daysAgo: 3, at: '09:40', body: '手表充电的时候背面很烫，正常吗？' },
    replies: [
      { by: 'linyue_design', daysAgo: 3, at: '10:12', body: '充电时微微发热是正常的，快充会更明显。要是烫到不敢摸，先换**原装充电器**试试，充电时把表放在通风的地方，别压在枕头下面。' },
      { by: { staff: 'chen' }, daysAgo: 2, at: '11:30', body: '赵女士您好，我们在服务号上和您联系了。如果还是很烫，欢迎到门店让师傅看一下充电触点。' },
      { by: 'xue_zhao', daysAgo: 1, at: '18:40', body: '去静安店看过了，触点有点脏，师傅帮忙清理了，现在只是温温的。谢谢大家！' },
    ],
    solution: { reply: 0, by: 'xue_zhao', daysAgo: 1, at: '18:41' },
  },
  {
    board: 'help',
    title: '耳机左耳突然没声音了',
    opening: { by: 'miaomiao', daysAgo: 5, at: '22:03', body: '昨天还好好的，今天戴上发现左耳完全没声音，右耳正常。手机上显示两只都连着。急，明天要坐高铁 😭' },
    replies: [
      { by: 'linyue_design', daysAgo: 5, at: '22:15', body: '我遇到过一模一样的情况，试试重置：\n\n1. 两只耳机都放回充电盒，盖子别关\n2. 长按充电盒背面的按钮 **10 秒**，指示灯白色闪烁就松手\n3. 手机蓝牙里“忽略此设备”，再重新配对\n\n一般就好了。如果还不行，可能是左耳进了汗，要去门店看看。' },
      { by: 'miaomiao', daysAgo: 5, at: '22:31', body: '按你说的重置了一下，好了！！太感谢了，明天高铁上有歌听了 🎧' },
      { by: 'deal_bot88', daysAgo: 3, at: '03:12', body: '原装耳机低价代购，全网最低，加我微信私聊～', hidden: { by: 'lin', reason: '广告信息' } },
    ],
    solution: { reply: 0, by: 'miaomiao', daysAgo: 5, at: '22:32' },
  },
  {
    board: 'help',
    title: '手表游泳模式怎么开？会不会进水',
    opening: { by: 'chenchen_run', daysAgo: 12, at: '07:45', body: '刚入手的手表，想周末去游泳。说明书上写 5ATM 防水，是不是可以直接戴着下水？游泳模式在哪里开？' },
    replies: [
      { by: 'laok', daysAgo: 12, at: '08:20', body: '5ATM 游泳完全没问题（别戴着泡温泉、蒸桑拿就行）。\n\n开法：**运动 → 泳池游泳**，开始前设好泳池长度。开了以后屏幕会锁住防误触，游完**长按右键**解锁，表会振动把喇叭里的水排出来。' },
      { by: 'chenchen_run', daysAgo: 11, at: '21:10', body: '今天游了 1500 米，记录得很准，排水那个振动好神奇。谢谢老K！' },
    ],
    solution: { reply: 0, by: 'chenchen_run', daysAgo: 11, at: '21:11' },
  },
  {
    board: 'help',
    title: '孩子的手表能设置上课时间不能玩吗',
    opening: { by: 'dada_mama', daysAgo: 2, at: '20:15', body: '老师反映孩子上课偷偷玩手表上的小游戏😅 有没有办法上课时间只能看时间和接电话？' },
    replies: [
      { by: { staff: 'lin' }, daysAgo: 2, at: '20:40', body: '有的～在家长端 App 里：**我的 → 手表管理 → 上课禁用**，添加时间段就行。禁用期间只能看时间、接家人的电话和发紧急求助。' },
      { by: 'dada_mama', daysAgo: 2, at: '21:02', body: '找到了！能不能周末不生效？' },
      { by: { staff: 'lin' }, daysAgo: 2, at: '21:10', body: '可以的，时间段里的“重复”只勾选周一到周五就行。' },
      { by: 'dada_mama', daysAgo: 1, at: '07:30', body: '设置好了，谢谢林晓，回复好快好细致！' },
    ],
    solution: { reply: 2, by: 'dada_mama', daysAgo: 1, at: '07:31' },
  },
  {
    board: 'help',
    title: '蓝牙连车机老是断开',
    opening: { by: 'liu_engineer', daysAgo: 1, at: '09:05', body: '车机是 2019 款的，手机升级到 3.3 以后，连上几分钟就断，之前一直好好的。有同样情况的吗？' },
    replies: [
      { by: 'xiaomi_huang', daysAgo: 1, at: '09:40', body: '试试两步：\n\n1. 手机蓝牙里“忽略此设备”，车机上也删掉手机，重新配对\n2. 设置 → 电池 → 关掉“蓝牙省电”\n\n我的车也是老款，这样弄完就稳定了。' },
      { by: 'liu_engineer', daysAgo: 0, at: '08:50', body: '重新配对后好多了，但开着导航的时候还是会断一次，再连上就好。' },
      { by: 'photo_ma', daysAgo: 0, at: '09:30', body: '我也是开导航时断，坐等官方回复 +1' },
    ],
  },
  {
    board: 'help',
    title: '以旧换新怎么估价？',
    opening: { by: 'lina_sunny', daysAgo: 20, at: '12:30', body: '旧手机用了三年，屏幕有一道划痕，电池健康 81%。以旧换新大概能抵多少？要去门店吗？' },
    replies: [
      { by: { staff: 'chen' }, daysAgo: 20, at: '13:05', body: '您好！线上和门店都可以估价：App 里 **服务 → 以旧换新** 填型号和成色，马上能看到参考价；到门店师傅会当面检测，价格以检测为准，划痕和电池一般影响不大。\n\n换新当天旧机数据可以让师傅帮忙迁移。' },
      { by: 'lina_sunny', daysAgo: 18, at: '19:20', body: '去杭州西湖店换了，比线上估的还多了 50 块，数据也迁好了 👍' },
    ],
    solution: { reply: 0, by: 'lina_sunny', daysAgo: 18, at: '19:21' },
  },
  {
    board: 'help',
    title: '夜景模式拍出来有点糊',
    opening: { by: 'photo_ma', daysAgo: 15, at: '23:10', body: '晚上拍外滩，开了夜景模式，照片总是有点糊，是不是我手不稳？' },
    replies: [
      { by: 'xiaomi_huang', daysAgo: 15, at: '23:25', body: '夜景模式要拍 2～3 秒，这几秒里手机要稳住：\n\n- 按快门后别急着放下，等进度圈走完\n- 手肘靠着栏杆\n- 试试 2 秒倒计时，按快门时的抖动就没了' },
      { by: 'laok', daysAgo: 15, at: '23:40', body: '补充一句：镜头擦一擦！口袋里放久了有指纹，夜景最容易糊。' },
      { by: 'photo_ma', daysAgo: 14, at: '22:05', body: '今晚用倒计时 + 靠栏杆，清楚多了！两位都是高手。' },
    ],
    solution: { reply: 0, by: 'photo_ma', daysAgo: 14, at: '22:06' },
  },
  {
    board: 'ideas',
    title: '希望手表表盘能用自己的照片',
    opening: { by: 'linyue_design', daysAgo: 40, at: '21:00', body: '现在的表盘都很好看，但我很想把家里猫的照片做成表盘 🐱 能不能支持上传自己的照片，再选一下时间放在哪？' },
    replies: [
      { by: 'miaomiao', daysAgo: 40, at: '21:30', body: '+1！想放我家橘猫' },
      { by: 'zhangwei88', daysAgo: 39, at: '08:15', body: '同求，想放孩子的照片。' },
      { by: { staff: 'lin' }, daysAgo: 38, at: '10:00', body: '谢谢大家的建议，已经整理好转给手表团队了，有进展会在这里更新。' },
    ],
    statuses: [
      { status: 'heard', by: 'lin', daysAgo: 38, at: '10:01', note: '已转给手表团队。' },
      { status: 'planned', by: 'zhou', daysAgo: 20, at: '16:00', note: '照片表盘已排进 4.0 版本计划，预计明年春天上线。' },
    ],
  },
  {
    board: 'ideas',
    title: '跑步记录能不能导出 GPX',
    opening: { by: 'chenchen_run', daysAgo: 60, at: '06:50', body: '想把跑步记录导到别的平台做训练计划，能不能支持导出 GPX 文件？' },
    replies: [
      { by: 'laok', daysAgo: 59, at: '12:10', body: '+1，骑行记录也想导出。' },
      { by: { staff: 'chen' }, daysAgo: 6, at: '10:00', body: '3.3 版本已支持导出 GPX：**运动记录 → 分享 → 导出文件**，跑步和骑行都可以。谢谢大家的建议！' },
      { by: 'chenchen_run', daysAgo: 5, at: '07:40', body: '更新了，已经导进训练软件了，太棒了！谢谢一直记着这件事。' },
    ],
    statuses: [
      { status: 'heard', by: 'chen', daysAgo: 58, at: '09:30' },
      { status: 'planned', by: 'zhou', daysAgo: 45, at: '15:00', note: '排进 3.3 版本。' },
      { status: 'shipped', by: 'chen', daysAgo: 6, at: '10:01', note: '3.3 版本已上线，在“运动记录 → 分享 → 导出文件”。' },
    ],
  },
  {
    board: 'ideas',
    title: '儿童手表能不能加一个“到家了”自动提醒',
    opening: { by: 'dada_mama', daysAgo: 8, at: '17:20', body: '孩子放学自己走回家，希望他一进小区，我手机上就能收到“到家了”的提醒，不用每天打电话问。' },
    replies: [
      { by: 'linyue_design', daysAgo: 8, at: '18:00', body: '这个好实用，支持！最好能设置几个常去的地方，比如外婆家。' },
    ],
    statuses: [{ status: 'heard', by: 'lin', daysAgo: 6, at: '09:45', note: '好主意，已经记下并转给儿童手表团队。' }],
  },
  {
    board: 'ideas',
    title: '官网下单能开增值税专用发票吗',
    opening: { by: 'liu_engineer', daysAgo: 3, at: '14:00', body: '公司采购了几台，财务需要专票。现在官网只能开普票，希望能支持。' },
    replies: [],
  },
  {
    board: 'showcase',
    title: '用了三年的老手机，拍的西湖日出',
    opening: { by: 'photo_ma', daysAgo: 10, at: '06:40', body: '五点起床骑车到断桥，等到了这一刻。手机用了三年，拍照还是很能打！\n\n> 早起的人有风景看。' },
    replies: [
      { by: 'laok', daysAgo: 10, at: '08:05', body: '这光太美了，三年的老伙计宝刀未老。' },
      { by: 'miaomiao', daysAgo: 10, at: '12:20', body: '好想去！请问是几月份拍的？' },
      { by: 'photo_ma', daysAgo: 10, at: '12:45', body: '就是上周，现在日出大概六点出头，记得穿厚点～' },
    ],
  },
  {
    board: 'showcase',
    title: '新耳机到啦，粉色真的好看',
    opening: { by: 'miaomiao', daysAgo: 4, at: '19:30', body: '纠结了好久颜色，最后选了粉色，实物比图片还好看！降噪打开的一瞬间世界都安静了。' },
    replies: [
      { by: 'xiaomi_huang', daysAgo: 4, at: '20:00', body: '粉色好温柔！记得把“入耳检测”打开，摘下来会自动暂停。' },
      { by: 'linyue_design', daysAgo: 4, at: '21:15', body: '同款粉，降噪真的绝。' },
    ],
  },
  {
    board: 'showcase',
    title: '晒一下我家的“全家桶”',
    opening: { by: 'laok', daysAgo: 30, at: '20:00', body: '手机、平板、手表、耳机，一家三口凑齐了。最常用的是手表找手机功能，家里总有人找不到手机 😂' },
    replies: [
      { by: 'chenchen_run', daysAgo: 30, at: '20:40', body: '找手机功能确实救命。' },
      { by: 'dada_mama', daysAgo: 29, at: '09:10', body: '羡慕！我们家也在慢慢凑。' },
    ],
  },
];
