# 人才流动情景模拟器：简体中文消息。
# Project Fluent 语法。每个键与 en.ftl 一一对应，占位符（{ $name }）须与英文相同；
# 一条消息写在一行内。术语以种子文章为准：签证限制、算力、种族定性、留存、流入。

app-title = 人才流动情景模拟器
app-subtitle = 中美两国的政策如何影响顶尖AI研究者在两国之间的流动：一个情景模型

## 单位（unit-<code>）
unit-percent = %
unit-times-2019 = × 2019年水平
unit-ratio = ×
unit-year = 年
unit-years = 年
unit-percent-per-year = %/年
unit-utility = logit单位
unit-share = 比例
unit-per-year = /年
unit-multiplier = ×

## 参数（param-<key>-label, param-<key>-help）
param-visa_restrictions-label = 美国签证限制
param-visa_restrictions-help = 入境渠道：有意赴美读研的中国学生以及从海外受聘的研究者中，被美国签证政策拒之门外的比例。仅第10043号总统公告一项估计就拦下了16–27%；2025年的签证撤销使这一比例进一步升高。
param-china_ai_funding-label = 中国国内AI经费
param-china_ai_funding-help = 中国公共AI与科研经费相当于2019年水平的倍数；近年来每年增长约10%。
param-compute_ratio-label = 美中算力比
param-compute_ratio-help = 美国的AI算力是中国的多少倍。按已部署集群的性能计约为5倍；按一位中国头部AI实验室负责人的估计为10–100倍。
param-scrutiny_climate-label = 审查氛围
param-scrutiny_climate-help = 在美华裔科学家中，感到遭受政府种族定性的比例（2021年一项调查为42%）。
param-us_research_funding-label = 美国科研经费
param-us_research_funding-help = 美国联邦科研经费相当于2019年水平的倍数。
param-pay_gap-label = 美中薪酬差距
param-pay_gap-help = 顶尖AI研究者在美国的收入是在中国的多少倍。
param-ecosystem_loop-label = 中国生态吸引力
param-ecosystem_loop-help = 中国AI研究生态把这些研究者吸引回国的强度（1 = 按估计值，0 = 完全没有）。
param-policy_start_year-label = 政策起始年份
param-policy_start_year-help = 你的设置从这一年起生效；此前的历史沿用实际记录的政策路径。
param-beta_compute-label = 算力权重
param-beta_china_funding-label = 中国经费权重
param-beta_us_funding-label = 美国经费权重
param-beta_pay-label = 薪酬权重
param-beta_ecosystem-label = 中国生态权重
param-beta_scrutiny-label = 审查权重
param-beta_visa-label = 签证不确定性权重
param-hazard_sensitivity-label = 离美风险率的敏感度
param-perception_delay-label = 感知延迟
param-pipeline_growth-label = 2025年后人才管道增速
param-grad_choice_us-label = 赴美读研比例（2015年）
param-grad_choice_elsewhere-label = 赴第三国读研比例（2015年）
param-stay_at_graduation-label = 毕业后留美比例（2015年）
param-return_hazard-label = 临时签证持有者离美风险率（2015年）
param-return_to_china-label = 离美者回中国的比例（2015年）
param-tenure_protection-label = 已定居研究者的离美风险
param-career_length-label = 顶尖职业生涯长度
param-settle_wait-label = 在美定居等待年限
param-settle_wait-help = 毕业后的留美通道：在美国业界工作的中国毕业生从拿到博士学位到获得永久居留权所需的年数（OPT、H-1B抽签与费用、绿卡排期）。学术界不受H-1B名额限制，等待时间较短。
param-third_country_openness-label = 第三国开放程度
param-third_country_openness-help = 英国、加拿大、欧洲、新加坡等国对中国学生和研究者的开放程度，以相对美国的几率表示（2015年 = 1）。
param-china_ecosystem-label = 中国AI生态
param-china_ecosystem-help = 中国高被引AI研究产出相当于美国的倍数：2010年约为一半，2019年持平。
param-beta_pathway-label = 留美通道等待的权重
param-pathway_hazard-label = 等待年限对离美风险的影响
param-nest_similarity-label = 海外选项的相似度
param-frontier_weight_academia-label = 学术界对算力和薪酬的看重
param-frontier_weight_grad-label = 选读研究生时对算力和薪酬的看重
param-academia_wait_share-label = 学术界的定居等待
param-entry_share_academia-label = 进入学术界的新研究者
param-entry_share_startup-label = 进入创业公司的新研究者
param-academia_hazard-label = 学术界的离美风险
param-startup_hazard-label = 创业公司的离美风险
param-china_grads_to_us-label = 中国毕业生赴美比例
param-china_grads_to_elsewhere-label = 中国毕业生赴第三国比例
param-elsewhere_grads_to_us-label = 第三国毕业生赴美比例
param-elsewhere_grads_to_china-label = 第三国毕业生赴华比例
param-reconsider_china-label = 在华研究者考虑迁移的频率
param-reconsider_elsewhere-label = 在第三国研究者考虑迁移的频率
param-pipeline_growth_history-label = 2014年前人才管道增速
param-grad_school_years-label = 研究生阶段时长

## 应用界面（app-*）
app-noscript = 人才流动情景模拟器在你的浏览器中运行，需要启用 JavaScript（WebAssembly）才能绘制图表。
app-controls-heading = 政策设置
app-controls-intro = 拖动滑块，图表随即更新。你的设置从政策起始年份起生效；更早的年份沿用历史记录。
app-advanced = 高级设置
app-reset = 恢复基线
app-scenario-baseline = 当前显示基线情景：延续现行政策。
app-scenario-changed = 与基线相比已更改的设置：{ $count }项。基线以淡色曲线保留在图表上。
app-sources-label = 来源：
app-source-none = 由你设定；没有公开数据支撑。
app-sources-heading = 资料来源
app-sources-intro = 本页以事实呈现的每个数字都来自项目证据表中的以下某一行，并按编号引用。
app-source-link = 来源
app-source-period = 时期：{ $period }
app-privacy = 一切都在你的浏览器中运行；你在这里的任何操作都不会发送到任何地方。
app-model-version = 模型版本 { $version }。
app-charts-heading = 模型结果
app-see-charts = 查看图表

## 带单位的数值，显示用（value-<unit code>）与朗读用（valuetext-<unit code>）
value-percent = { $value }%
value-times-2019 = { $value } × 2019年水平
value-ratio = { $value }×
value-year = { $value }年
value-years = { $value }年
value-percent-per-year = { $value }%/年
value-utility = { $value }
value-share = { $value }
value-per-year = { $value }/年
value-multiplier = { $value }×
valuetext-percent = 百分之{ $value }
valuetext-times-2019 = 2019年水平的{ $value }倍
valuetext-ratio = { $value }倍
valuetext-year = { $value }年
valuetext-years = { $value }年
valuetext-percent-per-year = 每年百分之{ $value }
valuetext-utility = { $value } logit单位
valuetext-share = { $value }
valuetext-per-year = 每年{ $value }
valuetext-multiplier = { $value }倍

## 图表（chart-*）
chart-x-label = 年份
chart-today = { $year }年
chart-history = 历史
chart-projection = 预测
chart-baseline = 基线（淡色线）
chart-observed = 观测值：{ $source }
chart-legend-label = 图例

chart-retention-title = 留存：2019年那批人如今在哪里
chart-retention-aria = 留存图：2019年在美国工作的中国籍AI研究者中，仍在美国、在中国和在其他地方的比例，2019年至2050年。
chart-retention-y = 占2019年群体的比例
chart-retention-us = 仍在美国
chart-retention-china = 在中国
chart-retention-elsewhere = 在其他地方
chart-retention-source = 卡内基 2025
chart-retention-summary = { $year }年，2019年群体中有{ $us }%仍在美国（基线为{ $base_us }%），{ $china }%在中国（基线为{ $base_china }%）。

chart-inflow-title = 流入：每年新赴美的中国人才
chart-inflow-aria = 流入图：每年开始在美国读研究生和开始在美国工作的中国本科背景AI研究者人数，2010年至2050年。
chart-inflow-y = 每年人数
chart-inflow-grad = 开始在美读研
chart-inflow-work = 开始在美工作
chart-inflow-summary = { $year }年，每年约有{ $grad }人开始在美读研（基线为{ $base_grad }人），{ $work }人开始在美工作（基线为{ $base_work }人）。
chart-inflow-source = 2020 年：较 2019 年的变化（美国研究生院理事会）

chart-where-title = 工作地点：全部中国本科背景的顶尖AI研究者
chart-where-aria = 工作地点图：中国本科背景的顶尖AI研究者在美国、在中国和在其他地方工作的比例，2010年至2050年。
chart-where-y = 研究者比例
chart-where-us = 在美国
chart-where-china = 在中国
chart-where-elsewhere = 在其他地方
chart-where-source = 马可波罗智库 2018、2019、2022
chart-where-summary = { $year }年，这些研究者中有{ $us }%在美国工作（基线为{ $base_us }%），{ $china }%在中国工作（基线为{ $base_china }%）。

# --- scenarios, links, embeds and exports (issue 3): begin ---
## 预设情景（preset-<id>-name, preset-<id>-description）
app-presets-heading = 情景
app-presets-intro = 从一个故事出发，再移动滑块。
app-preset-label = 情景
app-preset-custom = 你自己的设置
app-preset-modified = { $name }（已修改）
app-preset-sources = 依据：
preset-today-name = 延续当前政策
preset-today-description = 2025年的设定不变：撤销签证行动和H-1B收费后的签证限制，美国算力约为中国的五倍，中国经费每年增长约10%。其他情景都与它比较。
preset-open_door-name = 敞开大门
preset-open_door-description = 签证限制和审查氛围回到2018年以前，即第10043号总统令和“中国行动计划”之前的水平。算力和经费保持现状。
preset-decoupling-name = 全面脱钩
preset-decoupling-description = 中美AI合作终止，正如2025年一项法案所提议：几乎所有中国学生被拒签，审查达到顶峰，更严的出口管制把算力差距拉大到20倍。它追问已在美国的研究者还会留多久。
preset-china_initiative-name = “中国行动计划”重启
preset-china_initiative-description = 类似2018–2022年“中国行动计划”的氛围卷土重来，而且更甚：三分之二的华裔科学家感到被种族定性，签证限制达到第10043号总统令的水平。调查中42%的人说这种氛围影响了他们是否留下。
preset-compute_parity-name = 中国算力追平美国
preset-compute_parity-description = 中国的AI算力追上美国，正如有预测认为到2027年中国的算力将超过全球其他地区的总和。如今美国的算力约为中国的五倍。
preset-compute_gap_100x-name = 算力差距扩大到100倍
preset-compute_gap_100x-description = 美国的AI算力达到中国的一百倍，即一位中国顶尖实验室负责人估计的10到100倍的上限。AI芯片出口管制也在推向同一方向。
preset-china_funding_surge-name = 中国经费激增
preset-china_funding_surge-description = 通过国家人工智能产业投资基金和大基金三期等，中国的公共AI与科研经费达到现在的三倍。其他设定保持现状。
preset-talent_war-name = 美国人才争夺战
preset-talent_war-description = 美国科技巨头继续以数百万美元的报价争抢顶尖研究者，而中国AI创业公司裁员，美国的薪酬溢价翻倍到六倍。签证和算力设定保持现状。
preset-us_research_cuts-name = 美国削减科研经费
preset-us_research_cuts-description = 美国联邦科研经费降到2019年水平的60%，正如2026财年预算请求对美国国家科学基金会的提议。其他设定保持现状。

## 链接受损时的提示（notice-*）
app-notices-heading = 这个链接有部分受损
app-notices-dismiss = 关闭
notice-unknown-key = 已忽略“{ $key }”：本页没有这项设置。
notice-clamped = { $name }：{ $value } 超出范围，改用 { $clamped }。
notice-unreadable = { $name }：“{ $text }”不是数字，改用默认值 { $default }。
notice-other-version = 链接由模型 { $version } 生成；当前是模型 { $current }，数字可能不同。
notice-bad-value = 已忽略 { $key }={ $value }：本页不认识这个值。
notice-too-many-pins = 最多只能固定 { $max } 个情景；链接中其余的固定情景已略去。

## 撤销、重做与比较（app-*）
app-history-label = 设置的更改
app-undo = 撤销
app-redo = 重做
app-compare-heading = 比较
app-pin = 固定这个情景
app-pin-full = 已固定三个情景：移除一个才能再固定。
app-unpin = 移除 { $name }
app-pinned-label = 已固定以便比较
app-pin-own = 你的设置（改了 { $count } 项）
app-pin-baseline = 基线
app-view-label = 图表显示
app-view-level = 数值
app-view-difference = 与基线之差
chart-difference-y = 与基线之差
chart-difference-share-unit = 百分点
chart-pin = 固定情景 { $letter }：{ $name }
chart-zero = 基线（零线）

## 分享与嵌入（app-*）
app-share-heading = 分享与嵌入
app-share-link = 这个情景的链接
app-copy-link = 复制链接
app-copied = 已复制。
app-copy-by-hand = 这里无法复制：文字已选中，请按 Ctrl+C（⌘C）复制。
app-embed-snippet = 嵌入网页
app-embed-lock = 锁定滑块
app-embed-only = 提供的滑块
app-embed-only-none = 三个主要滑块
app-copy-embed = 复制嵌入代码
app-open-full = 打开完整的模拟器

## 导出、文件与保存的情景（export-*, load-*, saved-*）
export-heading = 导出与保存
export-png = { $chart }（PNG图片）
export-csv = 数据序列（CSV）
export-json = 存为文件（JSON）
export-failed = 这个浏览器无法在这里生成文件。
export-csv-link = 链接：{ $link }
export-csv-version = 模型版本：{ $version }
export-csv-scenario = 情景：{ $scenario }
export-png-source = 观测点：{ $source }。人才流动情景模拟器，模型 { $version }。
export-png-model = 人才流动情景模拟器，模型 { $version }。
load-label = 打开情景文件
load-done = 已打开“{ $name }”。
load-error-json = 无法读取这个文件（不是 JSON）。你的情景没有改变。
load-error-foreign = 这个文件不是人才流动情景模拟器的情景。你的情景没有改变。
load-error-read = 无法读取这个文件。你的情景没有改变。
load-error-large = 这个文件太大，不可能是情景文件。你的情景没有改变。
saved-label = 在这个浏览器里保存这个情景，命名为
saved-save = 保存
saved-done = 已在这个浏览器里保存“{ $name }”。
saved-open = 打开
saved-delete = 删除 { $name }
saved-unavailable = 这个浏览器不能在这里保存情景（隐私浏览或嵌入的页面）。请改存为文件；其他功能照常。
# --- scenarios, links, embeds and exports (issue 3): end ---

## 应用内部出错时
error-title = 出错了
error-body = 模拟器遇到内部错误，已停止运行。你的情景保存在页面地址中：重新加载即可从原处继续。
error-reload = 以此情景重新加载

# --- 不确定性、敏感性、变化解释与证据清单（议题 5）：开始 ---
## 是什么在驱动结果（evidence-*），一到三项的列举
evidence-heading = 是什么在驱动这些结果
evidence-list-2 = { $a }和{ $b }
evidence-list-3 = { $a }、{ $b }和{ $c }
## 模型说明页的标题（正文在 model.ftl）
model-heading = 模型如何运作
model-loading = 正在加载模型说明……
## 图表上的不确定性区间（bands-*）
bands-show = 显示不确定性：50% 与 90% 区间
bands-computing = 正在计算区间……
bands-note = 每条曲线周围的阴影：在不确定的假设各自的合理范围内抽样运行 { $draws } 次，保留其中符合全部校准目标的 { $kept } 次，取中间 50%（较深）与 90% 的结果（种子 { $seed }；证据清单列出了这些假设）。您设定的滑块保持不变。
bands-note-none-kept = 每条曲线周围的阴影：{ $draws } 次抽样运行中间 50%（较深）与 90% 的结果（种子 { $seed }）。在您的设定下没有一次运行符合全部校准目标（保留 { $kept } 次），因此全部显示。
## 为什么变了（why-*）
why-heading = 为什么变了？
why-sentence = { $year }年{ $outcome }：{ $now }，基线为{ $base }（{ $change }）。主要来自：{ $settings }。
why-sentence-same = { $year }年{ $outcome }：{ $now }，与基线大致相同。
why-part = { $setting }（{ $change }）
why-outcome-cohort-us = 2019年队列仍在美国的比例
why-outcome-inflow-grad = 进入美国研究生院的中国新生
why-outcome-share-china = 这些研究人员在中国工作的比例
why-share = { $value }%
why-people = 每年{ $value }人
why-points = { $value }个百分点
## 敏感性（龙卷风）图（tornado-*）
tornado-heading = 敏感性：哪些因素对结果影响最大
tornado-intro = 每根条形表示当某一设置从最低值变到最高值（滑块的两端，或某一假设的合理范围）、其余设置保持你的选择时，结果变动的幅度。黑线表示你的情景。长度为零的条形表示该设置在你的其他设置下不起作用：政策杠杆在政策起始年份之前、起始年份在所有政策杠杆都保持当前设置时、权重在其所衡量的因素保持2015年水平时，都不起作用。
tornado-aria = 敏感性图。{ $year }年{ $outcome }：当每项设置和假设从低值变到高值时，它变动多少，按幅度从大到小排列。
tornado-outcome-label = 结果
tornado-year-label = 年份
tornado-axis = { $year }年{ $outcome }
tornado-low = 设置取低值
tornado-high = 设置取高值
tornado-central = 你的情景
tornado-part = { $setting }（{ $low }至{ $high }）
tornado-summary = 按你的设置，{ $year }年{ $outcome }为{ $central }。影响最大的是{ $settings }。
tornado-pending = 正在计算每项设置的影响……
## 证据清单（ledger-*）
ledger-summary = 证据清单：每个参数的取值及其依据
ledger-intro = 由模型的参数表自动生成。政策杠杆是你可以调节的滑块。假设没有可靠的公开估计，因此给出合理范围，敏感性图即在此范围内变动。校准常数的设定使基线与有记录的数据相符。
ledger-col-parameter = 参数
ledger-col-kind = 类型
ledger-col-value = 当前值
ledger-col-default = 默认值
ledger-col-range = 取值范围
ledger-col-plausible = 合理范围
ledger-col-unit = 单位
ledger-col-sources = 来源
ledger-kind-lever = 政策杠杆
ledger-kind-assumption = 假设
ledger-kind-calibrated = 校准常数
ledger-range = { $low }至{ $high }
ledger-none = –
ledger-no-source = 无公开数据；见模型说明
# --- 不确定性、敏感性、变化解释与证据清单（议题 5）：结束 ---

## language and accessibility
lang-switch-label = 语言
lang-name-zh = 中文
lang-name-en = English
chart-table = 数据表
a11y-label = 显示设置
a11y-contrast = 高对比度
a11y-large-text = 大字号

## 挑战卡：名称，列在首页上
challenge-hold_the_line-name = 守住阵地
challenge-refill_the_pipeline-name = 重新注满管道
challenge-compute_parity-name = 算力持平

## 引导故事、挑战卡和讲义：首页上的入口
guide-story-open = 给我讲讲这个故事
guide-challenge-label = 挑战卡
guide-challenge-none = 选择一个挑战…
guide-print = 打印讲义
guide-teach = 教师专页
notice-bad-story = 故事里没有第“{ $value }”步（共 { $count } 步），所以从第 1 步开始。
handout-title = 人才流动情景模拟器：一个情景
handout-settings = 设置
handout-description = 情景
handout-custom = 你自己的设置：与今天的政策相比改了 { $count } 项。
handout-baseline = 延续今天的政策（基准情景）。
handout-sources = 来源
handout-link = 打开这个情景：
handout-qr = 这个情景链接的二维码

## The charts written into the page before the app has started (scripts/postbuild.py)
prerender-loading = 正在加载滑块…
prerender-wait = 正在绘制这个链接所设情景的图表…

## The chart beside the sliders on narrow screens and in the embed: which chart it shows
dock-label = 滑块旁的图表
chart-retention-tab = 留存
chart-inflow-tab = 流入
chart-where-tab = 工作地点
