/** The workshop commands around the board: `workshop init`, `join`, `workshop status|watch`. */
export const roomMessages = {
  'room.file.unreadable': {
    en: 'Cannot read the room file {file} ({reason}). Ask the instructor for the file `mq-tutor workshop init` wrote.',
    zh: '无法读取房间文件 {file}（{reason}）。请向讲师索取 `mq-tutor workshop init` 生成的文件。',
  },
  'room.file.invalid': {
    en: '{file} is not a room file of mq-tutor ({problem}). Ask the instructor for the file `mq-tutor workshop init` wrote.',
    zh: '{file} 不是 mq-tutor 的房间文件（{problem}）。请向讲师索取 `mq-tutor workshop init` 生成的文件。',
  },
  'room.file.unknownTutorial': {
    en: 'The room is for tutorial "{tutorial}", which this mq-tutor does not have (it has {known}). Update mq-tutor, or ask the instructor which version to use.',
    zh: '该房间使用教程 “{tutorial}”，而当前 mq-tutor 中没有（现有：{known}）。请更新 mq-tutor，或向讲师确认应使用的版本。',
  },
  'room.needOut': {
    en: 'Say where to write the room file: --out room.json',
    zh: '请指定房间文件的写入位置：--out room.json',
  },
  'room.needFile': {
    en: 'Name the room file: mq-tutor {command} room.json',
    zh: '请指定房间文件：mq-tutor {command} room.json',
  },
  'room.needName': {
    en: 'Say who you are in the room: mq-tutor join {file} --name <your name>',
    zh: '请告诉房间你是谁：mq-tutor join {file} --name <你的名字>',
  },
  'room.badLearners': {
    en: '--learners must be a whole number from 1 to 500, not "{value}".',
    zh: '--learners 必须是 1 到 500 之间的整数，而不是 “{value}”。',
  },
  'room.badPort': {
    en: '--port must be a port number from 1 to 65535 (or 0 for any free one), not "{value}".',
    zh: '--port 必须是 1 到 65535 的端口号（0 表示任选空闲端口），而不是 “{value}”。',
  },
  'room.name.empty': { en: 'The name is empty.', zh: '名字为空。' },
  'room.name.too-long': { en: 'The name is longer than 40 characters.', zh: '名字超过 40 个字符。' },
  'room.name.control': {
    en: 'The name has characters that cannot be shown on the board.',
    zh: '名字中含有看板无法显示的字符。',
  },
  'room.name.bad': {
    en: '"{name}" cannot be used as a name in the room: {problem} Pick another with --name.',
    zh: '“{name}” 不能作为房间中的名字：{problem}请用 --name 换一个。',
  },
  'room.name.taken': {
    en: 'The name "{name}" is already taken in room "{room}" (by "{by}"). Pick another with --name, e.g. --name "{name} 2".',
    zh: '房间 “{room}” 中已有人使用名字 “{name}”（“{by}”）。请用 --name 换一个，例如 --name "{name} 2"。',
  },
  'room.full': {
    en: 'Room "{room}" is full: its {seats} consumer groups are all taken. Ask the instructor to make a room with more learners (--learners).',
    zh: '房间 “{room}” 已满：{seats} 个消费组都已被占用。请讲师用更大的 --learners 重新创建房间。',
  },
  'room.claimUnseen': {
    en: 'Your name was sent to the room, but did not come back from the broker within {seconds} s. Try `mq-tutor join` again in a moment.',
    zh: '你的名字已发送到房间，但 {seconds} 秒内未能从服务端读回。请稍后再运行一次 `mq-tutor join`。',
  },
  'room.claimLate': {
    en: 'your name did not come back from the room within {seconds} s, so the board may show you late',
    zh: '你的名字在 {seconds} 秒内未能从房间读回，看板上可能稍晚才会出现你',
  },
  'room.channelFailed': {
    en: 'The room\u2019s progress topic {topic} could not be used: {reason}',
    zh: '无法使用房间的进度 Topic {topic}：{reason}',
  },
  'room.needSecret': {
    en: 'The room file has no {param}, and joining needs it before the first step. Give it in the environment: {env}=… mq-tutor join {file} --name {name}',
    zh: '房间文件中没有 {param}，而加入房间在第一步之前就需要它。请通过环境变量提供：{env}=… mq-tutor join {file} --name {name}',
  },
  'room.askSecret': { en: '{param} (not shown as you type): ', zh: '{param}（输入时不显示）：' },
  'room.joined': {
    en: 'Joined room "{room}" as {learner}. Your consumer group: {group}',
    zh: '已作为 {learner} 加入房间 “{room}”。你的消费组：{group}',
  },
  'room.progressUnpublished': {
    en: 'Note: your progress could not be sent to the instructor\u2019s board ({reason}). The tutorial goes on; this is said once.',
    zh: '提示：你的进度无法发送到讲师的看板（{reason}）。教程会继续进行；此提示只出现一次。',
  },
  'room.init.written': { en: 'Room file written: {file}', zh: '房间文件已写入：{file}' },
  'room.init.room': {
    en: 'Room "{name}" (id {id}) for {tutorial}, {learners} learner(s).',
    zh: '房间 “{name}”（ID {id}），教程 {tutorial}，{learners} 位学员。',
  },
  'room.init.secretsWarning': {
    en: 'The file holds secrets (mode 0600): hand it only to the room, and delete it after the workshop.',
    zh: '该文件包含密钥（权限 0600）：只发给本房间的学员，课程结束后请删除。',
  },
  'room.init.noSecrets': {
    en: 'The file holds no secret: each learner gives the password or keys in the environment ({envs}).',
    zh: '文件中不含密钥：每位学员通过环境变量提供密码或密钥（{envs}）。',
  },
  'room.init.sandboxSecrets': {
    en: 'The file holds no secret: learners on this machine take them from the sandbox; elsewhere they give them in the environment ({envs}).',
    zh: '文件中不含密钥：本机上的学员从沙箱获取；其他机器上的学员通过环境变量提供（{envs}）。',
  },
  'room.init.provisioned': {
    en: 'On the sandbox: the progress topic {topic} and the learners\u2019 groups are ready.',
    zh: '沙箱中已准备好进度 Topic {topic} 和学员的消费组。',
  },
  'room.init.learnersRun': {
    en: 'Each learner runs: mq-tutor join {file} --name <their name>',
    zh: '每位学员运行：mq-tutor join {file} --name <自己的名字>',
  },
  'room.init.watch': {
    en: 'Your board: mq-tutor workshop watch {file}   (for the projector: --web)',
    zh: '你的看板：mq-tutor workshop watch {file}   （投影用：--web）',
  },
  'room.init.consoleHeading': {
    en: 'Before the learners join, create this in the console of your instance, then run: mq-tutor workshop init --check {file}',
    zh: '学员加入之前，请在实例的控制台中创建以下内容，然后运行：mq-tutor workshop init --check {file}',
  },
  'room.init.kafka.topic': {
    en: '1. Topic {topic}, with 1 partition (the room\u2019s progress).',
    zh: '1. Topic {topic}，1 个分区（房间进度）。',
  },
  'room.init.kafka.acl': {
    en: '2. For user {user}: Write, Read and Describe on topic {topic}; Write and Read on topic {tutorialTopic}; Read on consumer groups with the prefix {prefix} (each learner gets {prefix}<name>).',
    zh: '2. 为用户 {user} 授权：Topic {topic} 的写入、读取和描述；Topic {tutorialTopic} 的写入和读取；前缀为 {prefix} 的消费组的读取（每位学员的消费组为 {prefix}<名字>）。',
  },
  'room.init.rocketmq.topic': {
    en: '1. Topic {topic}, normal messages (the room\u2019s progress; only its first queue is used).',
    zh: '1. Topic {topic}，普通消息（房间进度；只使用第一个队列）。',
  },
  'room.init.rocketmq.groups': {
    en: '2. Groups {first} to {last} ({count}, one per learner) and {readGroup} (the board reads the progress in it).',
    zh: '2. 消费组 {first} 至 {last}（共 {count} 个，每位学员一个），以及 {readGroup}（看板用它读取进度）。',
  },
  'room.init.rocketmq.acl': {
    en: '3. For the role the learners use: produce and consume on topics {topic} and {tutorialTopic} and on all the groups above.',
    zh: '3. 为学员使用的角色授权：Topic {topic} 和 {tutorialTopic} 以及上述所有消费组的生产和消费权限。',
  },
  'room.init.needNameServer': {
    en: 'The room\u2019s progress goes through the name server, and {endpoints} is a gRPC endpoint. Give the cluster\u2019s name server too: --nameserver host:9876',
    zh: '房间进度经由 NameServer 传递，而 {endpoints} 是 gRPC 接入点。请同时提供集群的 NameServer：--nameserver host:9876',
  },
  'room.init.params': {
    en: 'The room cannot be made with these parameters:',
    zh: '无法用这些参数创建房间：',
  },
  'room.check.ok': { en: '✓ {item}', zh: '✓ {item}' },
  'room.check.failed': { en: '✗ {item}: {reason}', zh: '✗ {item}：{reason}' },
  'room.check.write': {
    en: 'write and read back on topic {topic}',
    zh: '在 Topic {topic} 上写入并读回',
  },
  'room.check.group': { en: 'group {group} exists', zh: '消费组 {group} 存在' },
  'room.check.missingGroup': { en: 'it does not exist', zh: '它不存在' },
  'room.check.notBack': {
    en: 'the message written did not come back in time',
    zh: '写入的消息未能及时读回',
  },
  'room.check.allOk': {
    en: 'The room is ready: the learners can join.',
    zh: '房间已就绪：学员可以加入了。',
  },
  'room.check.someFailed': {
    en: 'Not ready yet: fix what is marked ✗ in the console, then check again.',
    zh: '尚未就绪：请在控制台中修正标记 ✗ 的项目，然后再次检查。',
  },
  'room.watch.noTty': {
    en: 'The live board needs a terminal. Use `mq-tutor workshop status {file}` for the board once, or --web for the page.',
    zh: '实时看板需要终端。可用 `mq-tutor workshop status {file}` 查看一次看板，或用 --web 打开网页版。',
  },
  'room.watch.web': {
    en: 'The board for the projector: {url}   (Ctrl-C to stop)',
    zh: '投影用看板：{url}   （按 Ctrl-C 停止）',
  },
  'room.unknownSub': {
    en: 'Unknown workshop command "{sub}". Use: mq-tutor workshop init|watch|status',
    zh: '未知的 workshop 子命令 “{sub}”。可用：mq-tutor workshop init|watch|status',
  },
} as const;
