# Talent Flow Explorer: English messages.
# Fluent syntax (simple subset: `key = text`, `{ $name }`, indented continuation lines).

app-title = Talent Flow Explorer
app-subtitle = How US and Chinese policy move top AI researchers between the two countries: a scenario model

## Units (unit-<code>)
unit-percent = %
unit-times-2019 = × 2019
unit-ratio = ×
unit-year = year
unit-years = years
unit-percent-per-year = %/yr
unit-utility = logit units
unit-share = share
unit-per-year = /yr
unit-multiplier = ×

## Parameters (param-<key>-label, param-<key>-help)
param-visa_restrictions-label = US visa restrictions
param-visa_restrictions-help = Share of would-be Chinese graduate students that US visa policy blocks. Proclamation 10043 alone blocked an estimated 16–27%; the 2025 revocations and H-1B fee push it higher.
param-china_ai_funding-label = China domestic AI funding
param-china_ai_funding-help = China's public AI and science funding as a multiple of its 2019 level; it has grown about 10% a year.
param-compute_ratio-label = US:China compute ratio
param-compute_ratio-help = How many times more AI compute the US has than China. About 5× by installed cluster performance; 10–100× by a leading Chinese lab head's estimate.
param-scrutiny_climate-label = Scrutiny climate
param-scrutiny_climate-help = Share of Chinese-descent scientists in the US who feel racially profiled by the government (42% in a 2021 survey).
param-us_research_funding-label = US research funding
param-us_research_funding-help = US federal research funding as a multiple of its 2019 level.
param-pay_gap-label = US:China pay gap
param-pay_gap-help = How many times more a top AI researcher earns in the US than in China.
param-ecosystem_loop-label = China ecosystem loop
param-ecosystem_loop-help = How strongly China's pull grows as its own researcher community grows (1 = as calibrated, 0 = not at all).
param-policy_start_year-label = Policy start year
param-policy_start_year-help = The year from which your settings act; history before it follows the recorded policy path.
param-beta_compute-label = Weight of compute
param-beta_compute-help = How much a tenfold-larger compute advantage e-folds the odds of choosing the US (assumption: no published estimate).
param-beta_china_funding-label = Weight of China's funding
param-beta_china_funding-help = How much China's funding growth raises the odds of choosing China (assumption: no published estimate).
param-beta_us_funding-label = Weight of US funding
param-beta_us_funding-help = How much US research funding raises the odds of choosing the US (assumption).
param-beta_pay-label = Weight of pay
param-beta_pay-help = How much the US pay premium raises the odds of choosing the US (assumption, anchored on stated return intentions).
param-beta_ecosystem-label = Weight of China's ecosystem
param-beta_ecosystem-help = How much a larger Chinese research community, relative to the US one, raises China's pull (assumption).
param-beta_scrutiny-label = Weight of scrutiny
param-beta_scrutiny-help = How much each 10 points of felt profiling lowers the odds of choosing the US (anchored on the NBER "Building a Wall Around Science" estimates).
param-beta_visa-label = Weight of visa uncertainty
param-beta_visa-help = How much each 10 points of visa restriction lowers the odds of staying, beyond those blocked outright (anchored on green-card delay effects).
param-hazard_sensitivity-label = Sensitivity of the return hazard
param-hazard_sensitivity-help = How strongly the yearly return hazard of US-based researchers follows the balance of pulls (proportional hazards).
param-perception_delay-label = Perception delay
param-perception_delay-help = How long people take to perceive a change in conditions (first-order delay).
param-pipeline_growth-label = Pipeline growth after 2026
param-pipeline_growth-help = Yearly growth of China-undergrad graduates entering the top-tier pipeline after 2026 (assumption).
param-grad_choice_us-label = US graduate-school share (2015)
param-grad_choice_us-help = Share of the pipeline choosing US graduate school under 2015 conditions (calibrated).
param-grad_choice_elsewhere-label = Elsewhere graduate-school share (2015)
param-grad_choice_elsewhere-help = Share of the pipeline choosing graduate school outside the US and China under 2015 conditions (calibrated).
param-stay_at_graduation-label = Stay at graduation (2015)
param-stay_at_graduation-help = Share of US graduates who stay to work in the US under 2015 conditions (calibrated on a stay rate of about 90%).
param-return_hazard-label = Early-career return hazard (2015)
param-return_hazard-help = Yearly chance that an early-career US researcher leaves the US, under 2015 conditions (calibrated).
param-return_to_china-label = Leavers going to China (2015)
param-return_to_china-help = Share of those leaving the US who go to China rather than a third country, under 2015 conditions (calibrated).
param-tenure_protection-label = Tenure protection
param-tenure_protection-help = Return hazard of established researchers as a multiple of early-career researchers' (calibrated).
param-career_length-label = Top-tier career length
param-career_length-help = Mean years a researcher stays in the top tier after graduate school (assumption).
