## story pack (zh): loaded with the app pack; see crates/messages.

## 引导故事 (story-*)
story-heading = 故事：第 { $step } 步，共 { $count } 步
story-back = 上一步
story-next = 下一步
story-close = 关闭故事
story-restore = 回到这一步的设置
story-moved = 这一步设置滑块之后，你又移动过滑块。
story-look = 请看：{ $chart }，{ $from }–{ $to } 年（已用方框标出）。
story-sources = 来源：
story-keys = 故事面板获得焦点时，可用左右方向键前后翻页。
story-stock-title = 留下来的存量
story-stock-text = 在 NeurIPS 2019 样本中任职于美国机构的 100 名中国籍研究人员里，到 2025 年仍有 { $observed } 人在美国工作。按这一结果校准的模型显示，2025 年有 { $model } 仍在美国：请看 2019 年至 2025 年的蓝线。
story-inflow-title = 美国在流入中的份额缩小
story-inflow-text = 存量留了下来，但美国吸引到的新人比例在缩小：2016 年之后，华裔学生进入美国博士项目的可能性下降，2020 年的总统公告每年又挡住了数千人。模型中，新进入人才管道的中国本科毕业生选择赴美读研究生的比例从 2019 年的 { $then } 降到 2026 年的 { $now }。人数仍在增长，从每年 { $count_then } 人增至 { $count_now } 人，因为这个领域本身在扩大：2025 年 NeurIPS 录用的论文数是 2014 年的近 13 倍。
story-push-title = 第一种力量：美国的推力
story-push-text = 这里把签证限制提高到 60%，把审查氛围提高到 65%，相当于“中国行动计划”时期。请看 2027 年以后的流入：到 2035 年降到每年 { $inflow } 人。推力首先作用于新来的人，已经在美国的存量变化缓慢。
story-pull-title = 第二种力量：中国的拉力
story-pull-text = 这里把中国的公共人工智能投入设为今天的三倍（2019 年的六倍），再加上种子文章所说的招聘热潮。请看“在哪里工作”图中的红线：到 2035 年在中国工作的比例达到 { $china }。
story-retention-title = 第三种力量：美国能否留住人
story-retention-text = 2021 年，在美国的华裔科学家中有 { $felt }% 表示感到受到美国政府的种族定性。这里把这种氛围提高到 75%，已在美国的人会更早离开：请看蓝线向下弯，到 2035 年 2019 年群体中只有 { $us } 仍在美国。
story-compute-title = 算力差距
story-compute-text = 今天美国的人工智能算力约为中国的五倍；一位中国大模型团队负责人估计是 10 到 100 倍。这里让中国追平美国。请看蓝线：到 2035 年在美国工作的比例降到 { $us }，因为算力是研究人员选择美国的原因之一。
story-war-title = 人才争夺战
story-war-text = 美国实验室开出的薪酬远高于中国，中国企业和基金也在加码。这里双方同时出价：美国的薪酬溢价翻倍，中国的投入增至三倍。请看红线：到 2035 年 2019 年群体中有 { $china } 在中国。仅靠薪酬抵不过中国的拉力。
story-you-title = 你能改变什么
story-you-text = 故事回到了今天的政策：2035 年 2019 年群体中仍有 { $us } 在美国。现在所有滑块都交给你；试试一个挑战，或者分享你自己情景的链接。

## 挑战卡 (challenge-*)
challenge-heading = 挑战：{ $name }
challenge-goal = { $outcome }（{ $year } 年）：现在 { $value }；目标 { $target }。
challenge-at-least = 不低于 { $value }
challenge-at-most = 不高于 { $value }
challenge-rule = { $name }必须保持{ $limit }。
challenge-rule-kept = 已遵守。
challenge-rule-broken = 未遵守：请调回去。
challenge-progress = 离目标的进度
challenge-met = 完成了！复制链接（见上方“分享”）提交你的答案。
challenge-not-met = 还没有完成。
challenge-restart = 重新开始
challenge-close = 关闭挑战
challenge-hold_the_line-task = 中国的人工智能投入翻倍（至少为 2019 年的 4 倍）。让 2019 年群体在 2035 年至少有 85% 仍在美国。
challenge-refill_the_pipeline-task = 签证限制保持在 45% 或以上。让 2035 年赴美读研究生的中国学生人数回到 2019 年的水平。
challenge-compute_parity-task = 中国的算力追上美国（比值不超过 1）。让 2035 年在美国工作的这些研究人员比例保持在 2026 年的水平。
outcome-cohort2019_in_us = 2019 年群体仍在美国的比例
outcome-inflow_us_grad = 每年赴美读研究生的中国学生
outcome-share_work_us = 这些研究人员在美国工作的比例
