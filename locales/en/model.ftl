## The model page (model-*): loaded when the reader opens "How the model works".
model-intro = A stock-and-flow model of the researchers whose undergraduate degree is from China and who reach the top tier of AI research. It runs month by month from 1995; 2010–2026 follow the recorded history of visas, funding and compute, and your settings act from the policy start year. A scenario tool, not a forecast.
model-diagram-heading = Stocks and flows
model-diagram-caption = Boxes are stocks: people at one stage and place. Arrows are the flows between them, drawn from the model's own list of flows, so the diagram cannot drift from the code. Everyone is counted in exactly one box at every step.
model-diagram-aria = Stock-and-flow diagram of the model: new entrants join the pipeline, choose a graduate school in the US, China or elsewhere, then where to work; researchers move between the three places and eventually leave the top tier.
model-node-entrants = New entrants
model-node-pipeline = Pipeline
model-node-grad-us = Grad school: US
model-node-grad-china = Grad school: China
model-node-grad-elsewhere = Grad school: elsewhere
model-node-work-us = Working in the US
model-node-work-us-detail = 3 sectors × early, established
model-node-work-china = Working in China
model-node-work-elsewhere = Working elsewhere
model-node-left = Left the top tier
model-equations-heading = Equations
model-eq-choice-intro = Every choice (graduate school, where to work at graduation, whether to leave) is a logit choice between options with utilities U:
model-eq-choice = share(option) = exp(U_option) / (exp(U_US) + exp(U_China) + exp(U_elsewhere))
model-eq-pulls-intro = The utilities are built from two pulls, each zero under 2015 conditions. Compute, pay and funding enter as logarithms:
model-eq-us-pull = US pull = β_compute·ln(compute ratio/2) + β_pay·ln(pay gap/3) + β_US funding·ln(US funding) − β_scrutiny·(profiling % − 20)/10 − β_visa·(visa restrictions %)/10
model-eq-china-pull = China pull = β_China funding·ln(China funding/0.67) + β_ecosystem·ln((researchers in China / researchers in the US, a month earlier)/0.55)
model-eq-delay-intro = People perceive the drivers with a first-order delay of τ years (1.5 by default); each month the perceived pull closes part of its gap:
model-eq-delay = perceived += (current − perceived)·(1 − exp(−(1/12)/τ))
model-eq-hazard-intro = US-based researchers leave at a yearly rate with the proportional-hazards form:
model-eq-hazard = h = h0 · sector · tenure · exp(κ·(China pull − US pull))
model-eq-visa = Visa block: a share (visa restrictions %) of those choosing the US is refused and chooses between China and elsewhere in proportion.
model-eq-method = Method: forward Euler steps of one month; outputs are read yearly. Flows are (from, to, rate) records, so people are conserved by construction.
model-calibration-heading = Calibration: the model beside what was observed
model-calibration-intro = The calibrated constants were set by hand so that the baseline (every slider at today's setting) lands within five points of each observed figure. With about 100 people observed, a closer fit would be fitting noise.
model-calibration-caption = Calibration targets, observed values and the model's baseline values
model-col-target = Target
model-col-observed = Observed
model-col-model = Model (baseline)
model-col-within = Within ±{ $points } points?
model-col-sources = Sources
model-within-yes = yes
model-within-no = no
model-target-cohort_in_us_2025 = Of the 2019 US-based cohort, still in the US in 2025
model-target-cohort_in_china_2025 = Of the 2019 US-based cohort, in China in 2025
model-target-cohort_elsewhere_2025 = Of the 2019 US-based cohort, elsewhere in 2025
model-target-stay_rate_before_2018 = US graduates staying to work, mean 2010–2017
model-target-share_in_us_2019 = China-undergraduate top-tier researchers working in the US, 2019
model-target-share_in_china_2019 = … working in China, 2019
model-target-us_grads_staying_2019 = China-origin US graduates staying, 2019
model-limits-heading = What the model cannot tell
model-limit-forecast = It is a scenario tool, not a forecast. The effects of compute and of funding on choices rest on weights no study has measured: read the direction and rough size of a change, not the decimal.
model-limit-population = It follows one population (China-undergraduate top-tier researchers) and lumps every third country together. It does not model who replaces them in the US, nor researchers of other origins.
model-limit-small = Small numbers: the observed cohort is 100 people, so five points either way is noise.
model-limit-missing = Not in the model: the pandemic's travel disruption, family reasons (57% of leavers cite them), individual prosecutions, differences between universities or companies, and any feedback from talent to compute or funding (the sliders are set by you, not by the model).
model-limit-definitions = Definitions move: the 2019 and 2022 samples of the top tier differ in size and method, and several figures come from secondary summaries (marked in the Sources).
