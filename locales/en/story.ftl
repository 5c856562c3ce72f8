## story pack (en): loaded with the app pack; see crates/messages.

## The guided story (story-*)
story-heading = The story, step { $step } of { $count }
story-back = Back
story-next = Next
story-close = Close the story
story-restore = Back to the story's settings
story-moved = You have moved the sliders since this step set them.
story-look = Look at: { $chart }, { $from }–{ $to } (outlined).
story-sources = Sources:
story-keys = Left and right arrow keys move through the story while it has focus.
story-stock-title = The stock that stays
story-stock-text = Of the 100 Chinese-origin researchers at US institutions in the NeurIPS 2019 sample, { $observed } were still working in the US in 2025. The model, fitted to that finding, has { $model } of them there in 2025: look at the blue line from 2019 to 2025.
story-inflow-title = The US's share of the inflow shrinks
story-inflow-text = The stock stays, but the US draws a shrinking share of the newcomers: after 2016 ethnically Chinese students became less likely to enter US PhD programmes, and the 2020 proclamation barred thousands a year. In the model, the share of new China-undergrad entrants starting graduate school in the US falls from { $then } in 2019 to { $now } in 2026. Their number still grows, from { $count_then } to { $count_now } a year, because the field itself grew: NeurIPS accepted nearly 13 times as many papers in 2025 as in 2014.
story-push-title = Force one: the US pushes
story-push-text = Here visa restrictions rise to 60% and the scrutiny climate to 65%, as in the China Initiative years. Look at the inflow after 2027: it falls to { $inflow } a year by 2035. Pushing works on the newcomers first; the stock already here moves slowly.
story-pull-title = Force two: China pulls
story-pull-text = China's public AI funding is set to three times today's (six times 2019's), with the hiring boom the seed articles report. Look at the red line in the "where they work" chart: the share working in China reaches { $china } by 2035.
story-retention-title = Force three: whether the US keeps them
story-retention-text = In 2021, { $felt }% of scientists of Chinese descent in the US said they felt racially profiled by the US government. Here that climate rises to 75%, and people already in the US leave sooner: look at the blue line bending down, to { $us } of the 2019 cohort in 2035.
story-compute-title = The compute gap
story-compute-text = The US has about five times China's AI computing power today; one Chinese lab head puts it at 10 to 100 times. Here China reaches parity. Look at the blue line: the share working in the US falls to { $us } by 2035, because computing power is one reason researchers choose the US.
story-war-title = The talent war
story-war-text = US labs offer pay far above Chinese salaries, and Chinese firms and funds bid back. Here both sides bid: the US pay premium doubles and China's funding triples. Look at the red line: { $china } of the 2019 cohort is in China by 2035. Pay alone does not outweigh China's pull.
story-you-title = What you can change
story-you-text = The story is back at today's policies: { $us } of the 2019 cohort is still in the US in 2035. Every slider is yours now; try a challenge, or share the link to your own scenario.

## Challenge cards (challenge-*)
challenge-heading = Challenge: { $name }
challenge-goal = { $outcome } in { $year }: { $value } now; goal { $target }.
challenge-at-least = at least { $value }
challenge-at-most = at most { $value }
challenge-rule = { $name } must stay { $limit }.
challenge-rule-kept = Kept.
challenge-rule-broken = Broken: move it back.
challenge-progress = Progress towards the goal
challenge-met = Met! Copy the link (Share, above) to hand in your answer.
challenge-not-met = Not yet.
challenge-restart = Start again
challenge-close = Close the challenge
challenge-hold_the_line-task = China's AI funding doubles (at least 4 times 2019's). Keep at least 85% of the 2019 cohort in the US in 2035.
challenge-refill_the_pipeline-task = Visa restrictions stay at 45% or more. Bring new Chinese students starting US graduate school in 2035 back to the 2019 level.
challenge-compute_parity-task = China's computing power catches up with the US's (ratio 1 or less). Keep the share of these researchers working in the US in 2035 at its 2026 level.
outcome-cohort2019_in_us = Share of the 2019 cohort in the US
outcome-inflow_us_grad = New Chinese students starting US graduate school
outcome-share_work_us = Share of these researchers working in the US
