//! Random charts (labels in Chinese and English, huge and tiny values, hidden slices) keep
//! every invariant.

use sector_charts::dataset::ChartKind;

use crate::common::*;
use crate::invariants::*;

pub struct XorShift(pub u64);

impl XorShift {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

pub fn pick<T: Copy>(items: &[T], rng: &mut XorShift, fallback: T) -> T {
    let i = rng.below(items.len() as u64) as usize;
    items.get(i).copied().unwrap_or(fallback)
}

pub fn random_label(rng: &mut XorShift) -> String {
    let len = rng.below(60) as usize;
    let cjk = rng.below(2) == 0;
    let mut s = String::new();
    while s.chars().count() < len {
        if cjk {
            let c = char::from_u32(0x4E00 + rng.below(3000) as u32).unwrap_or('中');
            s.push(c);
            if rng.below(12) == 0 {
                s.push(pick(&['，', '、', '（', '）', '。'], rng, '，'));
            }
        } else {
            let max_len = if rng.below(10) == 0 { 25 } else { 9 };
            let wl = 1 + rng.below(max_len);
            for _ in 0..wl {
                s.push(char::from(b'a' + rng.below(26) as u8));
            }
            s.push(' ');
        }
    }
    s
}

pub fn random_chart(rng: &mut XorShift) -> Chart {
    let n = 1 + rng.below(40) as usize;
    let mut c = Chart {
        labels: Vec::new(),
        value_texts: Vec::new(),
        values: Vec::new(),
        hidden: Vec::new(),
    };
    let huge = rng.below(4) == 0;
    for _ in 0..n {
        let v = match rng.below(10) {
            0 | 1 => 0.0,
            2 if huge => rng.unit() * 1e12,
            3 if huge => rng.unit() * 1e-6,
            _ => rng.unit() * 1000.0,
        };
        c.labels.push(random_label(rng));
        c.value_texts.push(if rng.below(2) == 0 {
            format!("{:.2} 亿元", v / 1e8)
        } else {
            format!("{v:.1}")
        });
        c.values.push(v);
        c.hidden.push(rng.below(10) == 0);
    }
    c
}

#[test]
fn random_charts_keep_all_invariants() {
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    let mut labelled = 0usize;
    for n in 0..200 {
        let chart = random_chart(&mut rng);
        let (w, h) = match rng.below(4) {
            0 => (
                100.0 + rng.below(1900) as f64,
                80.0 + rng.below(1100) as f64,
            ),
            k => SIZES.get(k as usize - 1).copied().unwrap_or((640.0, 480.0)),
        };
        let dpr = pick(&[1.0, 2.0, 1.5, 3.0], &mut rng, 1.0);
        let hl = if rng.below(2) == 0 {
            None
        } else {
            Some(rng.below(chart.labels.len() as u64) as usize)
        };
        for kind in ChartKind::ALL {
            let mut o = opts(kind, w, h, dpr);
            o.highlight = hl;
            let l = run(&chart, &o);
            let what = format!("random #{n} {kind} {w}x{h}@{dpr}");
            let visible = chart.hidden.iter().filter(|h| !**h).count();
            let sum: f64 = l.slices.iter().map(|g| g.share).sum();
            if l.total > 0.0 {
                assert!((sum - 1.0).abs() < 1e-9, "{what}");
            } else {
                assert_eq!(sum, 0.0);
            }
            assert!(l.slices.iter().filter(|g| g.hidden).all(|g| g.share == 0.0));
            assert_eq!(l.slices.len(), chart.labels.len());
            if kind == ChartKind::Bar {
                check_bar(&l, &chart, 13.0 * dpr, dpr, &what);
                let rows = l.slices.iter().filter(|g| !g.band.is_empty()).count();
                assert_eq!(
                    rows,
                    if l.width > 16.0 * dpr { visible } else { 0 },
                    "{what}"
                );
            } else {
                check_pie(&l, 13.0 * dpr, &what);
                labelled += usize::from(!l.labels.is_empty());
                assert!(l
                    .labels
                    .iter()
                    .all(|lab| l.slices.get(lab.slice).is_some_and(|g| g.share >= 0.01)));
            }
        }
    }
    assert!(labelled > 100, "too few charts got labels: {labelled}");
}
