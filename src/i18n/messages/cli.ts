import type { Localized } from '../lang.js';

export const cliMessages = {
  'cli.usage': {
    en: `mq-tutor — a hands-on tutorial for CKafka and TDMQ for RocketMQ that runs every step live

Usage:
  mq-tutor                          open the full-screen tutorial (pick tutorial and profile)
  mq-tutor run <ckafka|rocketmq|folder>
                                    the same, starting at that tutorial (or your own, from its folder)
  mq-tutor sandbox up|down|status|env
                                    real Kafka and RocketMQ brokers on this machine, for practice
  mq-tutor profile list|show <name>|delete <name>
  mq-tutor report [--profile p] [--out file.md]
                                    a Markdown troubleshooting report of the last run
  mq-tutor code <ckafka|rocketmq> --lang python|ts [--out dir]
                                    producer and consumer programs filled with your parameters
  mq-tutor doctor <ckafka|rocketmq> [--report file.md]
                                    check the connection step by step (changes nothing) and name the likely cause
  mq-tutor steps lint [dir]         check step files (for instructors writing their own)

Workshops:
  mq-tutor workshop init <tutorial> (--sandbox|--profile p) --out room.json [--learners N] [--name title]
                        [--include-secrets] [--nameserver host:9876]
                                    a room file for a class on one instance (on the sandbox: ready to use)
  mq-tutor workshop init --check room.json
                                    checks what the room needs of a cloud instance
  mq-tutor join room.json --name <learner>
                                    a learner's one command: a group of their own, then the tutorial
  mq-tutor workshop watch room.json [--web [--port N]]
                                    the instructor's live board (terminal, or a page for the projector)
  mq-tutor workshop status room.json [--json]
                                    the board once

Options:
  --profile <name>      parameter profile to read and update (default: default)
  --sandbox             use the local sandbox brokers (started if needed)
  --set <key>=<value>   set one parameter (repeatable)
  --step <id>           start at this step
  --yes                 no questions: parameters come from --set, MQ_TUTOR_* variables and the profile
  --json                one JSON object per line on stdout (implies --yes)
  --plain               line-by-line questions instead of the full screen
  --save-secrets        keep passwords and keys in the profile (off by default)
  --lang zh|en          language (default from LANG)
  -h, --help            this help
  -v, --version         the version

Exit codes: 0 all steps passed or warned, 1 a step failed, 2 usage or parameter error, 130 interrupted.
  doctor: 0 nothing wrong, 1 a problem found, 2 usage error.
Try it without a cloud instance:  mq-tutor run ckafka --sandbox`,
    zh: `mq-tutor —— CKafka 与 TDMQ RocketMQ 的动手教程，每一步都在真实的服务上执行

用法：
  mq-tutor                          打开全屏教程（选择教程和配置档）
  mq-tutor run <ckafka|rocketmq|目录>
                                    同上，直接进入该教程（或从目录打开你自己的教程）
  mq-tutor sandbox up|down|status|env
                                    在本机启动真实的 Kafka 与 RocketMQ，用来练习
  mq-tutor profile list|show <名称>|delete <名称>
  mq-tutor report [--profile p] [--out file.md]
                                    生成上一次运行的 Markdown 排障报告
  mq-tutor code <ckafka|rocketmq> --lang python|ts [--out 目录]
                                    生成填好参数的生产者和消费者程序
  mq-tutor doctor <ckafka|rocketmq> [--report file.md]
                                    逐项检查连接（不做任何改动），并指出最可能的原因
  mq-tutor steps lint [目录]         检查步骤文件（供编写教程的讲师使用）

课堂：
  mq-tutor workshop init <教程> (--sandbox|--profile p) --out room.json [--learners N] [--name 标题]
                        [--include-secrets] [--nameserver host:9876]
                                    为共用一个实例的课堂生成房间文件（沙箱上会直接准备好）
  mq-tutor workshop init --check room.json
                                    检查云上实例是否已具备房间所需的资源
  mq-tutor join room.json --name <学员名>
                                    学员只需这一条命令：分配专属消费组，然后进入教程
  mq-tutor workshop watch room.json [--web [--port N]]
                                    讲师的实时看板（终端，或用于投影的网页）
  mq-tutor workshop status room.json [--json]
                                    输出一次看板

选项：
  --profile <名称>      读取并更新的参数配置档（默认：default）
  --sandbox             使用本机沙箱服务（需要时自动启动）
  --set <键>=<值>       设置一个参数（可重复）
  --step <步骤>         从该步骤开始
  --yes                 不提问：参数来自 --set、MQ_TUTOR_* 环境变量和配置档
  --json                在标准输出上每行输出一个 JSON 对象（隐含 --yes）
  --plain               逐行提问，而不是全屏界面
  --save-secrets        把密码和密钥保存到配置档（默认不保存）
  --lang zh|en          界面语言（默认取自 LANG）
  -h, --help            显示本帮助
  -v, --version         显示版本

退出码：0 全部通过或仅有警告，1 有步骤失败，2 用法或参数错误，130 被中断。
  doctor：0 没有问题，1 发现问题，2 用法错误。
没有云上实例也能试：  mq-tutor run ckafka --sandbox`,
  },
  'cli.unknownCommand': {
    en: 'Unknown command "{detail}". Run `mq-tutor --help` to see the commands.',
    zh: '未知命令“{detail}”。运行 `mq-tutor --help` 查看可用命令。',
  },
  'cli.badOption': {
    en: '{detail}. Run `mq-tutor --help` to see the options.',
    zh: '{detail}。运行 `mq-tutor --help` 查看可用选项。',
  },
  'cli.missingArgument': {
    en: 'Missing argument: {detail}. Run `mq-tutor --help`.',
    zh: '缺少参数：{detail}。运行 `mq-tutor --help` 查看用法。',
  },
  'cli.badValue': {
    en: 'Not a valid value: {detail}. Use --set key=value.',
    zh: '无效的值：{detail}。请使用 --set 键=值 的形式。',
  },
  'cli.badLang': {
    en: 'Not a language mq-tutor speaks: {detail}. Use one of: {allowed}.',
    zh: 'mq-tutor 不支持该语言：{detail}。可选：{allowed}。',
  },
  'cli.unexpectedError': {
    en: 'mq-tutor stopped on an unexpected error: {detail}. Please report it with the output of `mq-tutor report`.',
    zh: 'mq-tutor 遇到意外错误而停止：{detail}。请附上 `mq-tutor report` 的输出反馈给我们。',
  },
  'cli.interrupted': {
    en: 'Interrupted. What you entered is saved; run the same command again to continue.',
    zh: '已中断。已输入的内容都已保存；再次运行同一命令即可继续。',
  },
  'cli.noTty': {
    en: 'This terminal cannot show the interactive tutorial (stdin or stdout is not a terminal). Pass --yes for a transcript, or --json for machine-readable output, with parameters from --set, MQ_TUTOR_* variables or a profile. Example: mq-tutor run ckafka --sandbox --yes',
    zh: '当前终端无法显示交互式教程（标准输入或输出不是终端）。请加 --yes 输出文字记录，或加 --json 输出机器可读结果，参数通过 --set、MQ_TUTOR_* 环境变量或配置档提供。例如：mq-tutor run ckafka --sandbox --yes',
  },
  'steps.usage': { en: 'Usage: mq-tutor steps lint [dir]', zh: '用法：mq-tutor steps lint [目录]' },
  'steps.ok': { en: '{dir}: {steps} steps, no problems.', zh: '{dir}：{steps} 个步骤，没有发现问题。' },
  'steps.problems': { en: '{count} problem(s) found.', zh: '发现 {count} 个问题。' },
} satisfies Record<string, Localized>;
