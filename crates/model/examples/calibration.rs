//! Prints the baseline against every calibration target, and a few
//! headline series: `cargo run -p talentflow-model --example calibration`.

use talentflow_model::{simulate, Scenario, SeriesId, TARGETS};

fn main() {
    let run = simulate(&Scenario::baseline());
    println!(
        "{:<28} {:>9} {:>9} {:>6}",
        "target", "observed", "model", "ok"
    );
    for t in TARGETS.iter() {
        let v = t.model_value(&run).unwrap_or(f64::NAN);
        println!(
            "{:<28} {:>9.3} {:>9.3} {:>6}",
            t.key,
            t.observed,
            v,
            (v - t.observed).abs() <= t.tolerance
        );
    }
    println!();
    let cols = [
        SeriesId::Cohort2019InUs,
        SeriesId::Cohort2019InChina,
        SeriesId::InflowUsGrad,
        SeriesId::InflowUsWork,
        SeriesId::StockUsWork,
        SeriesId::StockChinaWork,
        SeriesId::ShareWorkUs,
        SeriesId::ShareWorkChina,
        SeriesId::ExitRateUs,
        SeriesId::ExitToChinaShare,
        SeriesId::GradChoiceUs,
        SeriesId::StayAtGraduation,
        SeriesId::TopTierTotal,
    ];
    print!("year");
    for c in cols {
        print!(" {:>10}", &c.key()[..c.key().len().min(10)]);
    }
    println!();
    for y in (2010..=2050).step_by(2) {
        print!("{y}");
        for c in cols {
            print!(" {:>10.3}", run.value(c, y).unwrap_or(f64::NAN));
        }
        println!();
    }
}
