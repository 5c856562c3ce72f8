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
param-visa_restrictions-help = Entry channel: the share of would-be Chinese graduate students, and of researchers hired from abroad, that US visa policy refuses. Proclamation 10043 alone blocked an estimated 16–27%; the 2025 revocations push it higher.
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
param-ecosystem_loop-label = China ecosystem pull
param-ecosystem_loop-help = How strongly China's AI ecosystem pulls these researchers home (1 = as estimated, 0 = not at all).
param-policy_start_year-label = Policy start year
param-policy_start_year-help = The year from which your settings act; history before it follows the recorded policy path.
param-beta_compute-label = Weight of compute
param-beta_china_funding-label = Weight of China's funding
param-beta_us_funding-label = Weight of US funding
param-beta_pay-label = Weight of pay
param-beta_ecosystem-label = Weight of China's ecosystem
param-beta_scrutiny-label = Weight of scrutiny
param-beta_visa-label = Weight of visa uncertainty
param-hazard_sensitivity-label = Sensitivity of the return hazard
param-perception_delay-label = Perception delay
param-pipeline_growth-label = Pipeline growth after 2025
param-grad_choice_us-label = US graduate-school share (2015)
param-grad_choice_elsewhere-label = Elsewhere graduate-school share (2015)
param-stay_at_graduation-label = Stay at graduation (2015)
param-return_hazard-label = Temporary residents' return hazard (2015)
param-return_to_china-label = Leavers going to China (2015)
param-tenure_protection-label = Settled researchers' hazard
param-career_length-label = Top-tier career length
param-settle_wait-label = Wait to settle in the US
param-settle_wait-help = Post-study pathway: years from the PhD to permanent residency for a Chinese graduate in US industry (OPT, the H-1B lottery and fee, the green-card queue). Academia, exempt from the H-1B cap, waits less.
param-third_country_openness-label = Third countries' openness
param-third_country_openness-help = How open the UK, Canada, Europe, Singapore and others are to Chinese students and researchers, as odds against the US (2015 = 1).
param-china_ecosystem-label = China's AI ecosystem
param-china_ecosystem-help = China's top-cited AI research output relative to the US's: about half in 2010, level in 2019.
param-beta_pathway-label = Weight of the pathway wait
param-pathway_hazard-label = Pathway wait and the return hazard
param-nest_similarity-label = Similarity of the options abroad
param-frontier_weight_academia-label = Compute and pay in academia
param-frontier_weight_grad-label = Compute and pay for graduate school
param-academia_wait_share-label = Academia's wait to settle
param-entry_share_academia-label = New researchers entering academia
param-entry_share_startup-label = New researchers entering startups
param-academia_hazard-label = Academia's return hazard
param-startup_hazard-label = Startups' return hazard
param-china_grads_to_us-label = China's graduates going to the US
param-china_grads_to_elsewhere-label = China's graduates going elsewhere
param-elsewhere_grads_to_us-label = Third countries' graduates going to the US
param-elsewhere_grads_to_china-label = Third countries' graduates going to China
param-reconsider_china-label = Researchers in China weighing a move
param-reconsider_elsewhere-label = Researchers elsewhere weighing a move
param-pipeline_growth_history-label = Pipeline growth before 2014
param-grad_school_years-label = Length of graduate school

## App chrome (app-*)
app-noscript = Talent Flow Explorer runs in your browser and needs JavaScript (WebAssembly) to draw its charts.
app-controls-heading = Policy settings
app-controls-intro = Drag a slider: the charts follow at once. Your settings act from the policy start year; earlier years follow the record.
app-advanced = Advanced settings
app-reset = Reset to baseline
app-scenario-baseline = Showing the baseline: today's policies continued.
app-scenario-changed = Settings changed from the baseline: { $count }. The baseline stays on the charts as a faint curve.
app-sources-label = Sources:
app-source-none = Your choice; no published figure behind it.
app-sources-heading = Sources
app-sources-intro = Every number shown as fact on this page comes from one of these rows of the project's evidence table, cited by id.
app-source-link = source
app-source-period = period: { $period }
app-privacy = Everything runs in your browser; nothing you do here is sent anywhere.
app-model-version = Model version { $version }.
app-charts-heading = What the model shows
app-see-charts = See the charts

## Values with units, as shown (value-<unit code>) and as read aloud (valuetext-<unit code>)
value-percent = { $value }%
value-times-2019 = { $value } × 2019 level
value-ratio = { $value }×
value-year = { $value }
value-years = { $value } years
value-percent-per-year = { $value }%/yr
value-utility = { $value }
value-share = { $value }
value-per-year = { $value }/yr
value-multiplier = { $value }×
valuetext-percent = { $value } percent
valuetext-times-2019 = { $value } times the 2019 level
valuetext-ratio = { $value } times
valuetext-year = year { $value }
valuetext-years = { $value } years
valuetext-percent-per-year = { $value } percent per year
valuetext-utility = { $value } logit units
valuetext-share = { $value }
valuetext-per-year = { $value } per year
valuetext-multiplier = { $value } times

## Charts (chart-*)
chart-x-label = Year
chart-today = { $year }
chart-history = history
chart-projection = projection
chart-baseline = Baseline (faint line)
chart-observed = Observed: { $source }
chart-legend-label = Legend

chart-retention-title = Retention: where the 2019 cohort is now
chart-retention-aria = Retention chart: share of the Chinese-origin AI researchers working in the US in 2019 who are still in the US, in China or elsewhere, 2019 to 2050.
chart-retention-y = Share of the 2019 cohort
chart-retention-us = Still in the US
chart-retention-china = In China
chart-retention-elsewhere = Elsewhere
chart-retention-source = Carnegie 2025
chart-retention-summary = In { $year }, { $us }% of the 2019 cohort is still in the US (baseline { $base_us }%) and { $china }% is in China (baseline { $base_china }%).

chart-inflow-title = Inflow: new Chinese talent arriving in the US
chart-inflow-aria = Inflow chart: Chinese-undergraduate AI researchers starting US graduate school and starting work in the US each year, 2010 to 2050.
chart-inflow-y = People per year
chart-inflow-grad = Starting US graduate school
chart-inflow-work = Starting work in the US
chart-inflow-summary = In { $year }, about { $grad } a year start US graduate school (baseline { $base_grad }) and { $work } a year start work in the US (baseline { $base_work }).
chart-inflow-source = 2020: change since 2019 (CGS)

chart-where-title = Where they work: all Chinese-undergraduate top AI researchers
chart-where-aria = Where they work chart: share of Chinese-undergraduate top-tier AI researchers working in the US, in China and elsewhere, 2010 to 2050.
chart-where-y = Share of researchers
chart-where-us = In the US
chart-where-china = In China
chart-where-elsewhere = Elsewhere
chart-where-source = MacroPolo 2018, 2019, 2022
chart-where-summary = In { $year }, { $us }% of these researchers work in the US (baseline { $base_us }%) and { $china }% in China (baseline { $base_china }%).

# --- scenarios, links, embeds and exports (issue 3): begin ---
## Presets (preset-<id>-name, preset-<id>-description)
app-presets-heading = Scenarios
app-presets-intro = Start from a story, then move the sliders.
app-preset-label = Scenario
app-preset-custom = Your own settings
app-preset-modified = { $name } (modified)
app-preset-sources = Based on:
preset-today-name = Today's policies continued
preset-today-description = The 2025 settings stay: visa restrictions after the revocation campaign and H-1B fee, US compute about five times China's, China's funding growing about 10% a year. Every other scenario is compared with this one.
preset-open_door-name = An open door
preset-open_door-description = Visa restrictions and the climate of scrutiny go back to where they were before 2018, before Proclamation 10043 and the China Initiative. Compute and funding stay as today.
preset-decoupling-name = Full decoupling
preset-decoupling-description = US-China AI cooperation ends, as a 2025 bill proposed: almost every Chinese student is refused a visa, scrutiny peaks and export controls widen the compute gap to 20 times. How long would those already in the US stay?
preset-china_initiative-name = China Initiative revived
preset-china_initiative-description = A 2018–2022 China Initiative climate returns, sharper: two in three Chinese-descent scientists feel profiled and visas are blocked as under Proclamation 10043. In surveys, 42% said that climate affected whether they would stay.
preset-compute_parity-name = China reaches compute parity
preset-compute_parity-description = China's AI compute catches up with the US's, as one forecast expects China's to pass the rest of the world by 2027. Today the US has about five times as much.
preset-compute_gap_100x-name = Compute gap widens to 100×
preset-compute_gap_100x-description = The US has a hundred times China's AI compute, the top of a leading Chinese lab head's estimate of 10 to 100 times. Export controls on AI chips push the same way.
preset-china_funding_surge-name = China funding surge
preset-china_funding_surge-description = China's public AI and science funding reaches three times today's level, through funds like the national AI investment fund and Big Fund III. Everything else stays as today.
preset-talent_war-name = US talent war
preset-talent_war-description = US big tech keeps making multi-million offers while Chinese AI startups cut staff: the US pay premium doubles to six times. Visas and compute stay as today.
preset-us_research_cuts-name = US research cuts
preset-us_research_cuts-description = US federal research funding falls to 60% of its 2019 level, as the FY2026 budget request proposed for the NSF. Other settings stay as today.

## Notices about a damaged link (notice-*)
app-notices-heading = This link was partly damaged
app-notices-dismiss = Dismiss
notice-unknown-key = Ignored “{ $key }”: not a setting this page knows.
notice-clamped = { $name }: { $value } is outside its range, so { $clamped } is used.
notice-unreadable = { $name }: “{ $text }” is not a number, so the default { $default } is used.
notice-other-version = Made with model { $version }; this is model { $current }, so numbers may differ.
notice-bad-value = Ignored { $key }={ $value }: not a value this page knows.
notice-too-many-pins = Only { $max } scenarios can be pinned; the rest of the link's pins were left out.

## Undo, redo, comparison (app-*)
app-history-label = Setting changes
app-undo = Undo
app-redo = Redo
app-compare-heading = Compare
app-pin = Pin this scenario
app-pin-full = Three scenarios are pinned: remove one to pin another.
app-unpin = Remove { $name }
app-pinned-label = Pinned for comparison
app-pin-own = Your settings ({ $count } changed)
app-pin-baseline = Baseline
app-view-label = Charts show
app-view-level = Levels
app-view-difference = Difference from baseline
chart-difference-y = Difference from baseline
chart-difference-share-unit = percentage points
chart-pin = Pinned { $letter }: { $name }
chart-zero = Baseline (zero line)

## Share and embed (app-*)
app-share-heading = Share and embed
app-share-link = Link to this scenario
app-copy-link = Copy link
app-copied = Copied.
app-copy-by-hand = Copying is blocked here: the text is selected, press Ctrl+C (⌘C) to copy it.
app-embed-snippet = Embed in a web page
app-embed-lock = Lock the sliders
app-embed-only = Slider to offer
app-embed-only-none = The three headline sliders
app-copy-embed = Copy embed code
app-open-full = Open the full explorer

## Export, files and saved scenarios (export-*, load-*, saved-*)
export-heading = Export and keep
export-png = { $chart } (PNG)
export-csv = Series (CSV)
export-json = Save as file (JSON)
export-failed = This browser could not make the file here.
export-csv-link = Link: { $link }
export-csv-version = Model version: { $version }
export-csv-scenario = Scenario: { $scenario }
export-png-source = Observed points: { $source }. Talent Flow Explorer, model { $version }.
export-png-model = Talent Flow Explorer, model { $version }.
load-label = Open a scenario file
load-done = Opened “{ $name }”.
load-error-json = This file is not readable (not JSON). Your scenario is unchanged.
load-error-foreign = This file is not a Talent Flow Explorer scenario. Your scenario is unchanged.
load-error-read = The file could not be read. Your scenario is unchanged.
load-error-large = This file is too large to be a scenario file. Your scenario is unchanged.
saved-label = Keep this scenario in this browser, named
saved-save = Keep
saved-done = Kept “{ $name }” in this browser.
saved-open = Open
saved-delete = Delete { $name }
saved-unavailable = This browser cannot keep scenarios here (private browsing or an embedded page). Save a file instead; everything else works.
# --- scenarios, links, embeds and exports (issue 3): end ---

## When the app hits an internal error
error-title = Something went wrong
error-body = The explorer hit an internal error and stopped. Your scenario is kept in the page's address: reload to continue where you were.
error-reload = Reload with this scenario

# --- uncertainty, sensitivity, explanations and the evidence ledger (issue 5): begin ---
## What drives the results (evidence-*), lists of one to three items
evidence-heading = What drives these results
evidence-list-2 = { $a } and { $b }
evidence-list-3 = { $a }, { $b } and { $c }
## The model page's heading (its text is in model.ftl)
model-heading = How the model works
model-loading = Loading the model's description…
## Uncertainty bands on the charts (bands-*)
bands-show = Show uncertainty: 50% and 90% ranges
bands-computing = Computing the ranges…
bands-note = Shaded around each curve: the middle 50% (darker) and 90% of { $draws } runs with the uncertain assumptions drawn from their plausible ranges (seed { $seed }; the evidence ledger lists them), keeping the { $kept } that match every calibration target. Your sliders stay as you set them.
bands-note-none-kept = Shaded around each curve: the middle 50% (darker) and 90% of { $draws } runs (seed { $seed }). With your settings no run matches every calibration target ({ $kept } kept), so all are shown.
## Why did it change (why-*)
why-heading = Why did it change?
why-sentence = { $outcome } in { $year }: { $now }, against { $base } at baseline ({ $change }). Mostly from: { $settings }.
why-sentence-same = { $outcome } in { $year }: { $now }, about the same as at baseline.
why-part = { $setting } ({ $change })
why-outcome-cohort-us = Share of the 2019 cohort still in the US
why-outcome-inflow-grad = New Chinese students starting US graduate school
why-outcome-share-china = Share of these researchers working in China
why-share = { $value }%
why-people = { $value } a year
why-points = { $value } percentage points
## The sensitivity (tornado) chart (tornado-*)
tornado-heading = Sensitivity: what moves an outcome most
tornado-intro = Each bar shows how far the outcome moves as one setting goes from its lowest to its highest value (a slider's two ends, or an assumption's plausible range), everything else as you set it. The black line is your scenario. A bar of no length is a setting that does nothing with your other settings: a policy lever before the policy start year, the start year while every lever is at today's setting, a weight while what it weighs stays at its 2015 level.
tornado-aria = Sensitivity chart. { $outcome } in { $year }: how far it moves as each setting and assumption goes from its low to its high value, largest first.
tornado-outcome-label = Outcome
tornado-year-label = Year
tornado-axis = { $outcome }, { $year }
tornado-low = Setting at its low value
tornado-high = Setting at its high value
tornado-central = Your scenario
tornado-part = { $setting } ({ $low } to { $high })
tornado-summary = { $outcome } in { $year } with your settings: { $central }. It moves most with { $settings }.
tornado-pending = Working out how much each setting matters…
## The evidence ledger (ledger-*)
ledger-summary = Evidence ledger: every parameter, its value and where it comes from
ledger-intro = Generated from the model's parameter table. Policy levers are the sliders you set. Assumptions have no firm published estimate, so they carry a plausible range, which the sensitivity chart swings across. Calibrated constants are set so that the baseline matches the recorded figures.
ledger-col-parameter = Parameter
ledger-col-kind = Kind
ledger-col-value = Now
ledger-col-default = Default
ledger-col-range = Range
ledger-col-plausible = Plausible range
ledger-col-unit = Units
ledger-col-sources = Sources
ledger-kind-lever = Policy lever
ledger-kind-assumption = Assumption
ledger-kind-calibrated = Calibrated
ledger-range = { $low } to { $high }
ledger-none = –
ledger-no-source = None published; see the model notes
# --- uncertainty, sensitivity, explanations and the evidence ledger (issue 5): end ---

## language and accessibility
lang-switch-label = Language
lang-name-zh = 中文
lang-name-en = English
chart-table = Data table
a11y-label = Display
a11y-contrast = High contrast
a11y-large-text = Large text

## Challenge cards: their names, listed on the first page
challenge-hold_the_line-name = Hold the line
challenge-refill_the_pipeline-name = Refill the pipeline
challenge-compute_parity-name = Parity in compute

## Guided story, challenge cards and handout: their entry points on the first page
guide-story-open = Tell me the story
guide-challenge-label = Challenge cards
guide-challenge-none = Pick a challenge…
guide-print = Print a handout
guide-teach = For teachers
notice-bad-story = There is no step “{ $value }” in the story (it has { $count } steps), so it starts at step 1.
handout-title = Talent Flow Explorer: a scenario
handout-settings = Settings
handout-description = Scenario
handout-custom = Your own settings: { $count } changed from today's policies.
handout-baseline = Today's policies continued (the baseline).
handout-sources = Sources
handout-link = Open this scenario:
handout-qr = QR code of the link to this scenario

## The charts written into the page before the app has started (scripts/postbuild.py)
prerender-loading = Loading the sliders…
prerender-wait = Drawing the charts of this link's scenario…

## The chart beside the sliders on narrow screens and in the embed: which chart it shows
dock-label = Chart beside the sliders
chart-retention-tab = Retention
chart-inflow-tab = Inflow
chart-where-tab = Where they work
