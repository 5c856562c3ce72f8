## 模型说明页（model-*）：读者打开“模型如何运作”时加载。
model-intro = 这是一个存量–流量模型，对象是本科毕业于中国、进入顶尖人工智能研究层级的研究者。模型从 1995 年起按月运行；2010–2026 年沿用签证、经费和算力的历史记录，您的设置从政策起始年起生效。它是情景推演工具，不是预测。
model-diagram-heading = 存量与流量
model-diagram-caption = 方框是存量：处于某一阶段、某一地点的人。箭头是它们之间的流动，直接取自模型自身的流动清单，因此图不会与代码脱节。每一步中，每个人都恰好计入一个方框。
model-diagram-aria = 模型的存量–流量图：新进入者加入人才储备，选择在美国、中国或其他地方读研究生，再选择在哪里工作；研究者在三地之间流动，最终离开顶尖层级。
model-node-entrants = 新进入者
model-node-pipeline = 人才储备
model-node-grad-us = 研究生阶段：美国
model-node-grad-china = 研究生阶段：中国
model-node-grad-elsewhere = 研究生阶段：其他地方
model-node-work-us = 在美国工作
model-node-work-us-detail = 产业、学术、初创 × 初期、资深
model-node-work-china = 在中国工作
model-node-work-elsewhere = 在其他地方工作
model-node-left = 离开顶尖层级
model-equations-heading = 方程
model-eq-choice-intro = 每一次选择（去哪里读研究生、毕业后在哪里工作、是否离开）都是在若干选项之间的 logit 选择，各选项的效用为 U：
model-eq-choice = 份额(选项) = exp(U_选项) / (exp(U_美国) + exp(U_中国) + exp(U_其他))
model-eq-pulls-intro = 效用由两股拉力构成，在 2015 年的条件下均为零。算力、薪酬和经费以对数形式进入：
model-eq-us-pull = 美国拉力 = β_算力·ln(算力比/2) + β_薪酬·ln(薪酬差距/3) + β_美国经费·ln(美国经费) − β_审查·(被针对感 % − 20)/10 − β_签证·(签证限制 %)/10
model-eq-china-pull = 中国拉力 = β_中国经费·ln(中国经费/0.67) + β_生态·ln((上月在华研究者 / 上月在美研究者)/0.55)
model-eq-delay-intro = 人们对驱动因素的感知有 τ 年的一阶延迟（默认 1.5 年）；每个月，感知到的拉力缩小与当前拉力差距的一部分：
model-eq-delay = 感知值 += (当前值 − 感知值)·(1 − exp(−(1/12)/τ))
model-eq-hazard-intro = 在美研究者按比例风险形式的年离开率离开：
model-eq-hazard = h = h0 · 部门 · 资历 · exp(κ·(中国拉力 − 美国拉力))
model-eq-visa = 签证阻拦：选择美国的人中有（签证限制 %）的比例被拒，并按比例在中国和其他地方之间重新选择。
model-eq-method = 方法：以一个月为步长的前向欧拉法，按年读取输出。流动以（来源、去向、速率）记录，因此人数在构造上守恒。
model-calibration-heading = 校准：模型与观测值对照
model-calibration-intro = 校准常数由人工设定，使基准情景（所有滑块保持当前设置）与每个观测值的差距在 5 个百分点以内。观测对象只有约 100 人，拟合得更近只是在拟合噪声。
model-calibration-caption = 校准目标、观测值与模型基准值
model-col-target = 目标
model-col-observed = 观测值
model-col-model = 模型（基准）
model-col-within = 是否在 ±{ $points } 个百分点以内？
model-col-sources = 来源
model-within-yes = 是
model-within-no = 否
model-target-cohort_in_us_2025 = 2019 年在美群体中，2025 年仍在美国的比例
model-target-cohort_in_china_2025 = 2019 年在美群体中，2025 年在中国的比例
model-target-cohort_elsewhere_2025 = 2019 年在美群体中，2025 年在其他地方的比例
model-target-stay_rate_before_2018 = 美国毕业生留美工作比例，2010–2017 年均值
model-target-share_in_us_2019 = 中国本科出身的顶尖研究者在美国工作的比例，2019 年
model-target-share_in_china_2019 = ……在中国工作的比例，2019 年
model-target-us_grads_staying_2019 = 中国出身的美国毕业生留美比例，2019 年
model-limits-heading = 模型无法回答的问题
model-limit-forecast = 它是情景推演工具，不是预测。算力和经费对选择的影响所依据的权重，尚无研究测量过：请看变化的方向和大致幅度，而非小数点。
model-limit-population = 它只跟踪一个群体（本科毕业于中国的顶尖研究者），并把所有第三国合为一类。它不模拟在美国由谁来替代他们，也不涉及其他出身的研究者。
model-limit-small = 样本很小：观测群体只有 100 人，上下 5 个百分点都在噪声范围内。
model-limit-missing = 模型未包含：疫情造成的出行中断、家庭原因（57% 的离开者提到）、个案起诉、高校或公司之间的差异，以及人才对算力或经费的任何反馈（滑块由您设定，而非由模型决定）。
model-limit-definitions = 定义会变化：2019 年与 2022 年顶尖层级的样本规模和方法不同，部分数据来自二手汇总（在“来源”中已标注）。
