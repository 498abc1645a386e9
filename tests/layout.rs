//! Layout geometry: hit testing, shares, label placement invariants, wrapping, robustness.

use std::f64::consts::{FRAC_PI_2, PI, TAU};

use sector_charts::dataset::ChartKind;
use sector_charts::layout::{
    bar_preferred_height, compute, wrap_limited, wrap_text, ApproxMeasure, Label, LabelRole,
    Layout, LayoutInput, Point, Rect, SliceInput, TextMeasure, MIN_RADIUS_FRACTION,
};

const EPS: f64 = 1e-6;

/// An owned chart description, borrowed into `SliceInput`s.
#[derive(Clone, Debug)]
struct Chart {
    labels: Vec<String>,
    value_texts: Vec<String>,
    values: Vec<f64>,
    hidden: Vec<bool>,
}

impl Chart {
    fn new(items: &[(&str, f64, &str)]) -> Chart {
        Chart {
            labels: items.iter().map(|i| i.0.to_string()).collect(),
            values: items.iter().map(|i| i.1).collect(),
            value_texts: items.iter().map(|i| i.2.to_string()).collect(),
            hidden: vec![false; items.len()],
        }
    }

    fn values(values: &[f64]) -> Chart {
        Chart {
            labels: (0..values.len()).map(|i| format!("Item {i}")).collect(),
            value_texts: values.iter().map(|v| format!("{v:.1}")).collect(),
            values: values.to_vec(),
            hidden: vec![false; values.len()],
        }
    }

    fn hide(mut self, i: usize) -> Chart {
        if let Some(h) = self.hidden.get_mut(i) {
            *h = true;
        }
        self
    }

    fn inputs(&self) -> Vec<SliceInput<'_>> {
        self.labels
            .iter()
            .zip(&self.value_texts)
            .zip(&self.values)
            .zip(&self.hidden)
            .map(|(((label, value_text), &value), &hidden)| SliceInput {
                label,
                value_text,
                value,
                hidden,
            })
            .collect()
    }
}

struct Opts {
    kind: ChartKind,
    w: f64,
    h: f64,
    dpr: f64,
    highlight: Option<usize>,
}

fn opts(kind: ChartKind, w: f64, h: f64, dpr: f64) -> Opts {
    Opts {
        kind,
        w: w * dpr,
        h: h * dpr,
        dpr,
        highlight: None,
    }
}

fn run(chart: &Chart, o: &Opts) -> Layout {
    let inputs = chart.inputs();
    let input = LayoutInput {
        kind: o.kind,
        slices: &inputs,
        width: o.w,
        height: o.h,
        font_px: 13.0 * o.dpr,
        scale: o.dpr,
        highlight: o.highlight,
        measure: &ApproxMeasure,
    };
    compute(&input)
}

/// A point at `angle` and distance `r` from the centre, shifted by `offset`.
fn at(l: &Layout, angle: f64, r: f64, offset: Point) -> Point {
    let p = l.point_on_arc(angle, r);
    Point::new(p.x + offset.x, p.y + offset.y)
}

fn hit(l: &Layout, p: Point) -> Option<usize> {
    l.hit_test(p.x, p.y)
}

// ---------------------------------------------------------------- charts

fn chart_two_cn() -> Chart {
    Chart::new(&[
        ("省级及以上质量标杆企业", 1754.0, "1754 家"),
        ("其他规模以上工业企业（含新建企业）", 5581.0, "5581 家"),
    ])
}

fn chart_nine_en() -> Chart {
    Chart::new(&[
        (
            "Manufacturing of electrical machinery and equipment",
            1.66e8,
            "1.66 亿元",
        ),
        (
            "Food processing and agricultural by-products",
            9.1e7,
            "0.91 亿元",
        ),
        ("Automobile manufacturing and parts", 3.2e8, "3.20 亿元"),
        ("Pharmaceutical manufacturing", 4.4e7, "0.44 亿元"),
        (
            "Chemical raw materials and chemical products",
            7.5e7,
            "0.75 亿元",
        ),
        ("Non-metallic mineral products", 2.1e7, "0.21 亿元"),
        (
            "Ferrous metal smelting and rolling processing",
            6.0e7,
            "0.60 亿元",
        ),
        ("Textiles, apparel and accessories", 8.0e6, "0.08 亿元"),
        (
            "Other manufacturing industries not elsewhere classified",
            3.0e6,
            "0.03 亿元",
        ),
    ])
}

fn chart_share() -> Chart {
    Chart::new(&[
        ("产品质量监督抽查合格", 73.5, "73.5%"),
        ("不合格", 26.5, "26.5%"),
    ])
}

fn realistic() -> Vec<Chart> {
    vec![chart_two_cn(), chart_nine_en(), chart_share()]
}

const SIZES: [(f64, f64); 3] = [(360.0, 300.0), (640.0, 480.0), (1200.0, 600.0)];

// ---------------------------------------------------------------- invariants

fn assert_finite_layout(l: &Layout) {
    let mut nums = vec![
        l.width,
        l.height,
        l.total,
        l.center.x,
        l.center.y,
        l.radius,
        l.inner_radius,
        l.pull,
        l.plot.x,
        l.plot.y,
        l.plot.w,
        l.plot.h,
        l.line_width,
    ];
    for g in &l.slices {
        nums.extend([
            g.share,
            g.start_angle,
            g.end_angle,
            g.offset.x,
            g.offset.y,
            g.bar.x,
            g.bar.y,
            g.bar.w,
            g.bar.h,
            g.band.x,
            g.band.y,
            g.band.w,
            g.band.h,
        ]);
    }
    for lab in &l.labels {
        nums.extend([
            lab.anchor.x,
            lab.anchor.y,
            lab.bounds.x,
            lab.bounds.y,
            lab.bounds.w,
            lab.bounds.h,
            lab.line_height,
        ]);
        nums.extend(lab.leader.iter().flat_map(|p| [p.x, p.y]));
    }
    assert!(
        nums.iter().all(|v| v.is_finite()),
        "non-finite number in layout"
    );
    assert!(l.radius >= 0.0 && l.inner_radius >= 0.0 && l.inner_radius <= l.radius);
}

fn canvas(l: &Layout) -> Rect {
    Rect::new(0.0, 0.0, l.width, l.height)
}

fn assert_no_overlaps(labels: &[Label], what: &str) {
    for (i, a) in labels.iter().enumerate() {
        for b in labels.iter().skip(i + 1) {
            assert!(
                !a.bounds.intersects(&b.bounds),
                "{what}: labels overlap: {:?} {:?} / {:?} {:?}",
                a.lines,
                a.bounds,
                b.lines,
                b.bounds
            );
        }
    }
}

fn assert_label_text(l: &Layout, lab: &Label, font_px: f64) {
    assert!(!lab.lines.is_empty());
    assert!((lab.bounds.h - lab.lines.len() as f64 * lab.line_height).abs() < EPS);
    for line in &lab.lines {
        assert!(!line.is_empty());
        let w = ApproxMeasure.width(line, font_px);
        assert!(w <= lab.bounds.w + EPS, "line wider than its box: {line}");
    }
    let ax = if lab.align_right {
        lab.bounds.right()
    } else {
        lab.bounds.x
    };
    assert!((lab.anchor.x - ax).abs() < EPS && (lab.anchor.y - lab.bounds.y).abs() < EPS);
    assert!(lab.slice < l.slices.len());
}

/// Pie/donut label invariants: inside the canvas, off the circle (incl. pull-out), no
/// overlaps, right/left column by mid-angle, sorted by height, leaders from the arc edge.
fn check_pie(l: &Layout, font_px: f64, what: &str) {
    assert_finite_layout(l);
    let canvas = canvas(l);
    for lab in &l.labels {
        assert_eq!(lab.role, LabelRole::Slice);
        assert_label_text(l, lab, font_px);
        assert!(
            canvas.contains_rect(&lab.bounds, EPS),
            "{what}: label outside canvas {:?} {:?}",
            lab.lines,
            lab.bounds
        );
        let d = lab.bounds.distance_to(l.center);
        assert!(
            d > l.radius + l.pull,
            "{what}: label over the circle: d={d} r={} {:?}",
            l.radius,
            lab.lines
        );
        let Some(g) = l.slices.get(lab.slice) else {
            panic!("label for unknown slice")
        };
        assert!(!g.hidden && g.share > 0.0);
        let right = g.mid_angle() < PI;
        assert_eq!(lab.align_right, !right, "{what}: wrong column");
        if right {
            assert!(lab.bounds.x > l.center.x + l.radius);
        } else {
            assert!(lab.bounds.right() < l.center.x - l.radius);
        }
        // Leader: starts on the arc edge at mid-angle, ends at the label's side.
        let (Some(first), Some(last)) = (lab.leader.first(), lab.leader.last()) else {
            panic!("{what}: pie label without leader")
        };
        let origin = Point::new(l.center.x + g.offset.x, l.center.y + g.offset.y);
        assert!((first.distance(origin) - l.radius).abs() < 1e-6 * (1.0 + l.radius));
        let expected = at(l, g.mid_angle(), l.radius, g.offset);
        assert!(first.distance(expected) < 1e-6 * (1.0 + l.radius));
        assert!(last.y >= lab.bounds.y - 1.0 && last.y <= lab.bounds.bottom() + 1.0);
        let edge = if right {
            lab.bounds.x
        } else {
            lab.bounds.right()
        };
        assert!(
            (last.x - edge).abs() < 10.0 * l.line_width,
            "{what}: leader end"
        );
    }
    assert_no_overlaps(&l.labels, what);

    // Each column, top to bottom, follows the slices' mid-angle heights.
    for right in [true, false] {
        let mut col: Vec<(f64, f64)> = l
            .labels
            .iter()
            .filter(|lab| lab.align_right != right)
            .filter_map(|lab| {
                l.slices
                    .get(lab.slice)
                    .map(|g| (lab.bounds.y, -g.mid_angle().cos()))
            })
            .collect();
        col.sort_by(|a, b| a.0.total_cmp(&b.0));
        for pair in col.windows(2) {
            if let [a, b] = pair {
                assert!(a.1 <= b.1 + 1e-9, "{what}: column not in mid-angle order");
            }
        }
    }
}

/// Bar invariants: rows in input order, bars from a common baseline, labels on the left,
/// value text inside the plot, no overlaps; inside the canvas when it is tall enough.
fn check_bar(l: &Layout, chart: &Chart, font_px: f64, dpr: f64, what: &str) {
    assert_finite_layout(l);
    let mut prev_bottom = f64::NEG_INFINITY;
    let max_v = chart
        .values
        .iter()
        .zip(&chart.hidden)
        .filter(|(_, h)| !**h)
        .map(|(v, _)| if v.is_finite() && *v > 0.0 { *v } else { 0.0 })
        .fold(0.0, f64::max);
    for g in &l.slices {
        if g.hidden {
            assert!(g.bar.w == 0.0 && g.band.w == 0.0 && g.band.h == 0.0);
            continue;
        }
        assert!(g.band.y >= prev_bottom - EPS, "{what}: rows out of order");
        prev_bottom = g.band.bottom();
        assert!((g.bar.x - l.plot.x).abs() < EPS, "{what}: common baseline");
        assert!(g.bar.right() <= l.plot.right() + EPS);
        assert!(g.bar.y >= g.band.y - EPS && g.bar.bottom() <= g.band.bottom() + EPS);
        if max_v > 0.0 {
            let v = chart.values.get(g.index).copied().unwrap_or(0.0);
            let v = if v.is_finite() && v > 0.0 { v } else { 0.0 };
            // Bars scale with the value.
            let full = l
                .slices
                .iter()
                .filter(|s| !s.hidden)
                .map(|s| s.bar.w)
                .fold(0.0, f64::max);
            assert!((g.bar.w - v / max_v * full).abs() < 1e-6 * (1.0 + full));
        }
    }
    let tall_enough = l.height >= bar_preferred_height(chart.labels.len(), font_px, dpr);
    for lab in &l.labels {
        assert_label_text(l, lab, font_px);
        assert!(lab.leader.is_empty());
        let Some(g) = l.slices.get(lab.slice) else {
            panic!("label for unknown slice")
        };
        assert!(!g.hidden);
        match lab.role {
            LabelRole::Category => {
                assert!(lab.align_right && lab.bounds.right() <= l.plot.x + EPS);
                assert!(lab.lines.len() <= 2);
            }
            LabelRole::Value => {
                assert!(lab.bounds.x >= g.bar.right() - EPS);
                assert!(
                    lab.bounds.right() <= l.plot.right() + EPS,
                    "{what}: value text"
                );
            }
            LabelRole::Slice => panic!("pie label on a bar chart"),
        }
        assert!(lab.bounds.y >= g.band.y - EPS && lab.bounds.bottom() <= g.band.bottom() + EPS);
        // The focus ring (6 px wide, inside the band) never touches a text.
        let clear = 6.0 * dpr;
        assert!(
            lab.bounds.x >= g.band.x + clear - EPS
                && lab.bounds.right() <= g.band.right() - clear + EPS,
            "{what}: a label touches the band's focus ring"
        );
        if tall_enough {
            assert!(
                canvas(l).contains_rect(&lab.bounds, EPS),
                "{what}: label outside"
            );
        }
    }
    assert_no_overlaps(&l.labels, what);
}

/// Brute-force reference for the pie hit test (linear scan, same angle convention).
fn reference_hit(l: &Layout, x: f64, y: f64) -> Option<usize> {
    let in_slice = |g: &sector_charts::layout::SliceGeom| {
        let dx = x - l.center.x - g.offset.x;
        let dy = y - l.center.y - g.offset.y;
        let d = dx.hypot(dy);
        let mut a = dx.atan2(-dy);
        if a < 0.0 {
            a += TAU;
        }
        if a >= TAU {
            a = 0.0;
        }
        !g.hidden && d >= l.inner_radius && d <= l.radius && a >= g.start_angle && a < g.end_angle
    };
    if l.radius <= 0.0 || l.total <= 0.0 {
        return None;
    }
    let pulled = l
        .highlight
        .and_then(|i| l.slices.get(i))
        .filter(|g| g.offset != Point::ZERO);
    if let Some(g) = pulled {
        if in_slice(g) {
            return Some(g.index);
        }
    }
    l.slices
        .iter()
        .filter(|g| g.offset == Point::ZERO)
        .find(|g| in_slice(g))
        .map(|g| g.index)
}

// ---------------------------------------------------------------- PRNG

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn pick<T: Copy>(items: &[T], rng: &mut XorShift, fallback: T) -> T {
    let i = rng.below(items.len() as u64) as usize;
    items.get(i).copied().unwrap_or(fallback)
}

fn random_label(rng: &mut XorShift) -> String {
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

fn random_chart(rng: &mut XorShift) -> Chart {
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

// ---------------------------------------------------------------- shares

#[test]
fn shares_sum_to_one_over_visible_slices() {
    let l = run(&chart_nine_en(), &opts(ChartKind::Pie, 640.0, 480.0, 1.0));
    let sum: f64 = l.slices.iter().map(|g| g.share).sum();
    assert!((sum - 1.0).abs() < 1e-12);
    assert!((l.total - chart_nine_en().values.iter().sum::<f64>()).abs() < 1.0);

    let c = Chart::values(&[1.0, 1.0, 2.0]).hide(2);
    let l = run(&c, &opts(ChartKind::Donut, 640.0, 480.0, 1.0));
    let shares: Vec<f64> = l.slices.iter().map(|g| g.share).collect();
    assert_eq!(shares, vec![0.5, 0.5, 0.0]);
    assert_eq!(l.total, 2.0);
    let Some(g) = l.slices.get(2) else {
        panic!("missing slice")
    };
    assert!(g.hidden && g.sweep() == 0.0);
    // The visible slices cover the whole circle.
    let end = l.slices.iter().map(|g| g.end_angle).fold(0.0, f64::max);
    assert_eq!(end, TAU);

    for kind in ChartKind::ALL {
        let l = run(&chart_share(), &opts(kind, 640.0, 480.0, 2.0));
        let shares: Vec<f64> = l.slices.iter().map(|g| g.share).collect();
        assert!(
            matches!(shares.as_slice(), [a, b] if (a - 0.735).abs() < 1e-12 && (b - 0.265).abs() < 1e-12)
        );
    }

    // Huge values do not overflow.
    let l = run(
        &Chart::values(&[f64::MAX, f64::MAX, 0.0]),
        &opts(ChartKind::Pie, 640.0, 480.0, 1.0),
    );
    let shares: Vec<f64> = l.slices.iter().map(|g| g.share).collect();
    assert_eq!(shares, vec![0.5, 0.5, 0.0]);
    assert_finite_layout(&l);
}

// ---------------------------------------------------------------- hit testing

#[test]
fn pie_hit_test_agrees_with_slice_edges() {
    let charts = [
        chart_nine_en(),
        chart_two_cn(),
        Chart::values(&[3.0, 0.0, 1.0, 5.0, 0.5, 2.0]).hide(3),
        Chart::values(&[1.0; 100]),
    ];
    for chart in &charts {
        for kind in [ChartKind::Pie, ChartKind::Donut] {
            for (w, h) in SIZES {
                let l = run(chart, &opts(kind, w, h, 2.0));
                assert!(l.radius > 0.0);
                let r_mid = (l.inner_radius + l.radius) / 2.0;
                let visible: Vec<_> = l.slices.iter().filter(|g| g.sweep() > 0.0).collect();
                for (k, g) in visible.iter().enumerate() {
                    let eps = 1e-7;
                    let inside = at(&l, g.start_angle + eps, r_mid, Point::ZERO);
                    assert_eq!(hit(&l, inside), Some(g.index), "just after start");
                    let before_end = at(&l, g.end_angle - eps, r_mid, Point::ZERO);
                    assert_eq!(hit(&l, before_end), Some(g.index), "just before end");
                    let prev = if k == 0 {
                        visible.last()
                    } else {
                        visible.get(k - 1)
                    };
                    let before = at(&l, g.start_angle - eps, r_mid, Point::ZERO);
                    assert_eq!(hit(&l, before), prev.map(|p| p.index), "just before start");
                    // Radial extent.
                    let mid = g.mid_angle();
                    let near_out = at(&l, mid, l.radius - 1e-6, Point::ZERO);
                    assert_eq!(hit(&l, near_out), Some(g.index));
                    let outside = at(&l, mid, l.radius + 0.5, Point::ZERO);
                    assert_eq!(hit(&l, outside), None);
                    if kind == ChartKind::Donut {
                        let in_hole = at(&l, mid, l.inner_radius - 0.5, Point::ZERO);
                        assert_eq!(hit(&l, in_hole), None);
                        let ring_in = at(&l, mid, l.inner_radius + 1e-6, Point::ZERO);
                        assert_eq!(hit(&l, ring_in), Some(g.index));
                    }
                }
                let c = l.center;
                if kind == ChartKind::Donut {
                    assert_eq!(l.hit_test(c.x, c.y), None, "donut hole centre");
                } else {
                    assert!(l.hit_test(c.x, c.y).is_some());
                }
                assert_eq!(l.hit_test(0.0, 0.0), None);
                assert_eq!(l.hit_test(f64::NAN, c.y), None);
                assert_eq!(l.hit_test(c.x + l.radius * 2.0, c.y), None);
            }
        }
    }
}

#[test]
fn exact_boundary_angles_belong_to_the_starting_slice() {
    let l = run(
        &Chart::values(&[1.0, 1.0, 1.0, 1.0]),
        &opts(ChartKind::Pie, 640.0, 480.0, 1.0),
    );
    let starts: Vec<f64> = l.slices.iter().map(|g| g.start_angle).collect();
    assert_eq!(starts, vec![0.0, FRAC_PI_2, PI, 3.0 * FRAC_PI_2]);
    let (c, r) = (l.center, l.radius / 2.0);
    assert_eq!(l.hit_test(c.x, c.y - r), Some(0)); // 12 o'clock: angle exactly 0
    assert_eq!(l.hit_test(c.x + r, c.y), Some(1)); // 3 o'clock: exactly π/2
    assert_eq!(l.hit_test(c.x, c.y + r), Some(2)); // 6 o'clock: exactly π
    assert_eq!(l.hit_test(c.x - r, c.y), Some(3)); // 9 o'clock
                                                   // Just left of 12 o'clock is the last slice.
    assert_eq!(l.hit_test(c.x - 1e-9, c.y - r), Some(3));
}

#[test]
fn pulled_out_slice_is_hit_at_its_offset_position() {
    for kind in [ChartKind::Pie, ChartKind::Donut] {
        for chart in [chart_nine_en(), chart_two_cn(), chart_share()] {
            for hl in 0..chart.labels.len() {
                let mut o = opts(kind, 640.0, 480.0, 2.0);
                o.highlight = Some(hl);
                let l = run(&chart, &o);
                assert_eq!(l.highlight, Some(hl));
                let Some(g) = l.slices.get(hl) else {
                    panic!("missing slice")
                };
                let off = g.offset;
                assert!((off.x.hypot(off.y) - l.pull).abs() < 1e-9 && l.pull > 0.0);
                let mid = g.mid_angle();
                // Beyond the original radius, but inside the pulled slice.
                let p = at(&l, mid, l.radius - 1.0, off);
                assert!(p.distance(l.center) > l.radius);
                assert_eq!(hit(&l, p), Some(hl));
                assert_eq!(
                    hit(&l, at(&l, g.start_angle + 1e-6, l.radius * 0.8, off)),
                    Some(hl)
                );
                assert_eq!(hit(&l, at(&l, mid, l.radius + 1.0, off)), None);
                if kind == ChartKind::Donut {
                    // The vacated strip at the inner edge is empty now.
                    let p = at(&l, mid, l.inner_radius + l.pull / 2.0, Point::ZERO);
                    assert_eq!(hit(&l, p), None);
                    assert_eq!(l.hit_test(l.center.x, l.center.y), None);
                }
                // Other slices are unaffected.
                for other in l
                    .slices
                    .iter()
                    .filter(|s| s.index != hl && s.sweep() > 1e-3)
                {
                    assert_eq!(other.offset, Point::ZERO);
                    let p = at(&l, other.mid_angle(), l.radius - 0.5, Point::ZERO);
                    assert_eq!(hit(&l, p), Some(other.index));
                }
                // Labels still clear of the pulled slice.
                check_pie(&l, 26.0, "highlight");
            }
        }
    }
}

#[test]
fn hidden_slices_are_never_hit() {
    let chart = Chart::values(&[5.0, 3.0, 8.0, 1.0, 4.0]).hide(1).hide(3);
    for kind in ChartKind::ALL {
        for hl in [None, Some(1), Some(2)] {
            let mut o = opts(kind, 640.0, 480.0, 1.0);
            o.highlight = hl;
            let l = run(&chart, &o);
            if hl == Some(1) {
                assert_eq!(l.highlight, None, "hidden slice cannot be highlighted");
            }
            let mut seen = [false; 5];
            for yi in 0..=96 {
                for xi in 0..=128 {
                    let (x, y) = (xi as f64 * 5.0, yi as f64 * 5.0);
                    if let Some(i) = l.hit_test(x, y) {
                        assert!(i != 1 && i != 3, "hidden slice hit");
                        if let Some(s) = seen.get_mut(i) {
                            *s = true;
                        }
                    }
                }
            }
            assert_eq!(seen, [true, false, true, false, true], "{kind}");
        }
    }
}

#[test]
fn pie_hit_test_matches_brute_force() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for round in 0..60 {
        let chart = random_chart(&mut rng);
        let kind = if round % 2 == 0 {
            ChartKind::Pie
        } else {
            ChartKind::Donut
        };
        let mut o = opts(
            kind,
            200.0 + rng.below(1000) as f64,
            150.0 + rng.below(700) as f64,
            1.0,
        );
        o.highlight = Some(rng.below(chart.labels.len() as u64 + 1) as usize);
        let l = run(&chart, &o);
        for _ in 0..400 {
            let x = rng.unit() * l.width;
            let y = rng.unit() * l.height;
            assert_eq!(
                l.hit_test(x, y),
                reference_hit(&l, x, y),
                "round {round} at {x},{y}"
            );
        }
    }
}

#[test]
fn bar_hit_test_bars_bands_and_gaps() {
    let chart = chart_nine_en().hide(4);
    for (w, h) in SIZES {
        for dpr in [1.0, 2.0] {
            let l = run(&chart, &opts(ChartKind::Bar, w, h, dpr));
            check_bar(&l, &chart, 13.0 * dpr, dpr, "bar hit");
            let visible: Vec<_> = l.slices.iter().filter(|g| !g.hidden).collect();
            assert_eq!(visible.len(), 8);
            for g in &visible {
                assert!(g.bar.w > 0.0);
                let c = g.bar.center();
                assert_eq!(l.hit_test(c.x, c.y), Some(g.index), "bar centre");
                // The whole band counts, including the label on the left.
                assert_eq!(l.hit_test(g.band.x + 0.5, c.y), Some(g.index));
                assert_eq!(l.hit_test(g.band.right() - 0.5, c.y), Some(g.index));
                assert_eq!(l.hit_test(g.band.x - 0.5, c.y), None);
                assert_eq!(l.hit_test(g.band.right() + 0.5, c.y), None);
                // Gaps between bands.
                assert_eq!(l.hit_test(c.x, g.band.bottom()), None);
                assert_eq!(l.hit_test(c.x, g.band.y - 1e-9), None);
                assert_eq!(l.hit_test(c.x, g.band.y), Some(g.index));
            }
            assert_eq!(l.hit_test(l.width / 2.0, 0.0), None);
            assert_eq!(l.hit_test(l.width / 2.0, l.height * 10.0), None);
            assert_eq!(l.hit_test(-5.0, l.height / 2.0), None);
            // Hidden slice: an empty band, in order.
            let Some(hidden) = l.slices.get(4) else {
                panic!("missing slice")
            };
            assert!(hidden.band.is_empty());
            // Rows keep the input order.
            let ys: Vec<f64> = visible.iter().map(|g| g.bar.y).collect();
            assert!(ys.windows(2).all(|p| matches!(p, [a, b] if a < b)));
        }
    }
}

#[test]
fn bar_rows_and_labels() {
    for chart in realistic() {
        for (w, h) in SIZES {
            for dpr in [1.0, 2.0] {
                let l = run(&chart, &opts(ChartKind::Bar, w, h, dpr));
                check_bar(&l, &chart, 13.0 * dpr, dpr, "realistic bar");
                // Every row shows its value text, and the biggest bar leaves room for it.
                for g in &l.slices {
                    assert!(l
                        .labels
                        .iter()
                        .any(|lab| lab.slice == g.index && lab.role == LabelRole::Value));
                }
                let n_cat = l
                    .labels
                    .iter()
                    .filter(|lab| lab.role == LabelRole::Category)
                    .count();
                assert_eq!(n_cat, chart.labels.len(), "category labels at {w}x{h}");
                // Category column no wider than 35 % of the canvas (plus the padding, the
                // clearance kept for the focus ring and the gap before the bars: 8 px each).
                assert!(l.plot.x <= 0.35 * l.width + 24.0 * dpr + EPS);
            }
        }
    }
    // Many rows: at least the minimum row height, even past the canvas.
    let chart = Chart::values(&[1.0; 60]);
    let l = run(&chart, &opts(ChartKind::Bar, 360.0, 300.0, 1.0));
    let pref = bar_preferred_height(60, 13.0, 1.0);
    assert!(pref > 300.0);
    assert!((l.plot.bottom() - (pref - 8.0)).abs() < 1e-6);
    check_bar(&l, &chart, 13.0, 1.0, "tall bar");
    let l = run(&chart, &opts(ChartKind::Bar, 360.0, pref, 1.0));
    check_bar(&l, &chart, 13.0, 1.0, "grown bar");
    assert!(l
        .labels
        .iter()
        .all(|lab| canvas(&l).contains_rect(&lab.bounds, EPS)));
    // Few rows: at most three lines high.
    let l = run(
        &Chart::values(&[1.0, 2.0]),
        &opts(ChartKind::Bar, 640.0, 2000.0, 1.0),
    );
    let band_h = l.slices.iter().map(|g| g.band.h).fold(0.0, f64::max);
    assert!(band_h <= 3.0 * 17.0 + EPS);
}

// ---------------------------------------------------------------- labels

#[test]
fn realistic_pie_labels_do_not_overlap() {
    for chart in realistic() {
        for kind in [ChartKind::Pie, ChartKind::Donut] {
            for (w, h) in SIZES {
                for dpr in [1.0, 2.0] {
                    for hl in [None, Some(0), Some(1)] {
                        let mut o = opts(kind, w, h, dpr);
                        o.highlight = hl;
                        let l = run(&chart, &o);
                        let what = format!("{kind} {w}x{h}@{dpr} {:?}", chart.labels.first());
                        check_pie(&l, 13.0 * dpr, &what);
                        assert!(
                            l.radius >= MIN_RADIUS_FRACTION * (w.min(h) * dpr) / 2.0 - EPS,
                            "{what}"
                        );
                        if w >= 640.0 {
                            assert!(!l.labels.is_empty(), "{what}: no labels");
                        }
                        if chart.labels.len() == 2 {
                            assert_eq!(l.labels.len(), 2, "{what}: both labels shown");
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn pie_label_content() {
    let l = run(&chart_two_cn(), &opts(ChartKind::Pie, 640.0, 480.0, 1.0));
    let texts: Vec<String> = l.labels.iter().map(|lab| lab.lines.join("")).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("5581 家") && t.contains("76.1%")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("1754 家") && t.contains("23.9%")),
        "{texts:?}"
    );
    for lab in &l.labels {
        // Value line(s) come last.
        assert!(lab.lines.last().is_some_and(|s| s.ends_with('%')));
    }
    // The first slice (23.9 %, mid-angle < π) is on the right, the second on the left.
    let Some(small) = l.labels.iter().find(|lab| lab.slice == 0) else {
        panic!("no label for the small slice")
    };
    assert!(!small.align_right && small.bounds.x > l.center.x);
    let Some(big) = l.labels.iter().find(|lab| lab.slice == 1) else {
        panic!("no label for the big slice")
    };
    assert!(big.align_right && big.bounds.right() < l.center.x);
}

#[test]
fn crowded_columns_drop_the_smallest_labels_first() {
    // 30 similar slices in a short canvas: not all labels fit.
    let values: Vec<f64> = (0..30).map(|i| 10.0 + i as f64).collect();
    let chart = Chart::values(&values);
    let l = run(&chart, &opts(ChartKind::Pie, 900.0, 300.0, 1.0));
    check_pie(&l, 13.0, "crowded");
    assert!(!l.labels.is_empty() && l.labels.len() < 30);
    for right in [true, false] {
        let col: Vec<usize> = l
            .labels
            .iter()
            .filter(|lab| lab.align_right != right)
            .map(|lab| lab.slice)
            .collect();
        let same_side = |g: &&sector_charts::layout::SliceGeom| (g.mid_angle() < PI) == right;
        let dropped_max = l
            .slices
            .iter()
            .filter(same_side)
            .filter(|g| !col.contains(&g.index))
            .map(|g| g.share)
            .fold(0.0, f64::max);
        let kept_min = l
            .slices
            .iter()
            .filter(same_side)
            .filter(|g| col.contains(&g.index))
            .map(|g| g.share)
            .fold(f64::INFINITY, f64::min);
        assert!(dropped_max <= kept_min, "a bigger slice lost its label");
    }
    // Tiny slices get no label.
    let l = run(
        &Chart::values(&[1000.0, 1.0, 500.0]),
        &opts(ChartKind::Pie, 1200.0, 600.0, 1.0),
    );
    assert!(l.labels.iter().all(|lab| lab.slice != 1));
    assert_eq!(l.labels.len(), 2);
}

#[test]
fn narrow_canvases_shrink_the_radius_or_drop_labels() {
    for (w, dpr) in [
        (320.0, 1.0),
        (320.0, 2.0),
        (360.0, 3.0),
        (200.0, 1.0),
        (120.0, 2.0),
    ] {
        for chart in realistic() {
            for kind in [ChartKind::Pie, ChartKind::Donut] {
                let l = run(&chart, &opts(kind, w, 300.0, dpr));
                check_pie(&l, 13.0 * dpr, "narrow");
                let min_r = MIN_RADIUS_FRACTION * (w.min(300.0) * dpr) / 2.0;
                assert!(l.radius >= min_r - EPS);
                if l.labels.is_empty() {
                    // Without labels the circle takes the whole canvas.
                    let full = (w.min(300.0) * dpr) / 2.0 - 8.0 * dpr - l.pull;
                    assert!((l.radius - full).abs() < EPS);
                }
            }
        }
    }
    // A wide canvas leaves the radius limited by the height.
    let l = run(&chart_two_cn(), &opts(ChartKind::Pie, 1200.0, 600.0, 1.0));
    assert!(l.radius > 250.0);
    // Short labels let the circle grow compared to long ones.
    let short = run(&chart_share(), &opts(ChartKind::Pie, 700.0, 480.0, 1.0));
    let long = run(&chart_nine_en(), &opts(ChartKind::Pie, 700.0, 480.0, 1.0));
    assert!(short.radius > long.radius);
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

// ---------------------------------------------------------------- wrapping

fn wrap(text: &str, ems: f64) -> Vec<String> {
    wrap_text(text, ems * 10.0, 10.0, &ApproxMeasure)
}

#[test]
fn wrap_cjk_breaks_anywhere() {
    // The last character is not left alone: the line before gives it one more.
    assert_eq!(
        wrap("吉林省质量发展报告", 4.0),
        vec!["吉林省质", "量发展", "报告"]
    );
    assert_eq!(wrap("吉林省质量发展报告", 9.0), vec!["吉林省质量发展报告"]);
    // Mixed scripts: breaks between CJK and Latin, not inside the Latin word.
    assert_eq!(wrap("GDP增长率GDP", 3.0), vec!["GDP增", "长率", "GDP"]);
    assert_eq!(wrap("增长率GDP", 3.0), vec!["增长率", "GDP"]);
}

#[test]
fn wrap_leaves_no_cjk_character_alone_on_the_last_line() {
    // Greedy filling would give "服务业质" / "量".
    assert_eq!(wrap("服务业质量", 4.0), vec!["服务业", "质量"]);
    // A line that already breaks well is kept: no word is split to even the lines out.
    assert_eq!(wrap("公共服务质量", 4.0), vec!["公共服务", "质量"]);
    // Not when the line before would be left with one token, nor across a newline.
    assert_eq!(wrap("质量发", 2.0), vec!["质量", "发"]);
    assert_eq!(wrap("服务业质\n量", 4.0), vec!["服务业质", "量"]);
    // A Latin word alone on the last line is ordinary.
    assert_eq!(
        wrap_text("the quick brown fox", 50.0, 10.0, &ApproxMeasure)[1],
        "brown fox"
    );
}

#[test]
fn wrap_punctuation_rules() {
    let text = "质量，发展。品牌、标准（试行）「示范」“创新”";
    for ems in [1.0, 2.0, 3.0, 4.0, 5.0] {
        let lines = wrap(text, ems);
        assert_eq!(lines.concat(), text, "nothing lost at {ems} em");
        for (i, line) in lines.iter().enumerate() {
            let first = line.chars().next();
            assert!(
                !matches!(first, Some('，' | '。' | '、' | '）' | '」' | '”')),
                "line {i} starts with closing punctuation at {ems} em: {lines:?}"
            );
            let last = line.chars().last();
            assert!(
                !matches!(last, Some('（' | '「' | '“')),
                "line {i} ends with opening punctuation at {ems} em: {lines:?}"
            );
        }
    }
    assert_eq!(wrap("质量，发展", 2.0), vec!["质", "量，", "发展"]);
}

#[test]
fn wrap_latin_at_spaces_and_keeps_long_words() {
    // "the quick" = 8 × 5.5 + 3 = 47 px.
    assert_eq!(
        wrap_text("the quick brown fox", 50.0, 10.0, &ApproxMeasure),
        vec!["the quick", "brown fox"]
    );
    assert_eq!(
        wrap_text("a supercalifragilistic word", 50.0, 10.0, &ApproxMeasure),
        vec!["a", "supercalifragilistic", "word"]
    );
    assert_eq!(wrap("  many   spaces  ", 20.0), vec!["many spaces"]);
    assert_eq!(
        wrap("line one\nline two", 20.0),
        vec!["line one", "line two"]
    );
    assert_eq!(wrap("(approx.) value", 5.0), vec!["(approx.)", "value"]);
    assert!(wrap("", 10.0).is_empty());
    assert!(wrap("   ", 10.0).is_empty());
    // A zero or NaN width still terminates: one unit per line.
    assert_eq!(wrap("ab cd", 0.0), vec!["ab", "cd"]);
    assert_eq!(
        wrap_text("ab cd", f64::NAN, 10.0, &ApproxMeasure),
        vec!["ab", "cd"]
    );
}

#[test]
fn wrap_limits_work_on_huge_text() {
    let huge = "很".repeat(1_000_000);
    let lines = wrap_text(&huge, 100.0, 10.0, &ApproxMeasure);
    let all = lines.concat();
    assert!(all.chars().count() <= 201);
    assert!(all.ends_with('…'));
    let huge_latin = "word ".repeat(200_000);
    let lines = wrap_text(&huge_latin, 100.0, 10.0, &ApproxMeasure);
    assert!(lines.concat().chars().count() <= 201);
    // Limited lines end with an ellipsis, cut at a break opportunity.
    let lines = wrap_limited(
        "alpha beta gamma delta epsilon zeta",
        60.0,
        10.0,
        &ApproxMeasure,
        2,
    );
    assert_eq!(lines.len(), 2);
    assert!(lines.last().is_some_and(|l| l.ends_with('…')));
    for line in &lines {
        let words: Vec<&str> = line.trim_end_matches('…').split(' ').collect();
        for w in words {
            assert!(["alpha", "beta", "gamma", "delta", "epsilon", "zeta"].contains(&w));
        }
        assert!(ApproxMeasure.width(line, 10.0) <= 60.0);
    }
}

#[test]
fn approx_measure_widths() {
    let m = ApproxMeasure;
    assert!((m.width("质量", 10.0) - 20.0).abs() < EPS);
    assert!((m.width("ab", 10.0) - 11.0).abs() < EPS);
    assert!((m.width("12", 10.0) - 11.2).abs() < EPS);
    assert!((m.width("，（", 10.0) - 20.0).abs() < EPS);
}

// ---------------------------------------------------------------- drawing helpers

#[test]
fn arc_points_trace_the_slices() {
    let l = run(&chart_share(), &opts(ChartKind::Donut, 640.0, 480.0, 1.0));
    for g in &l.slices {
        let pts = l.arc_points(g.index, l.radius, l.inner_radius, 0.05);
        assert!(pts.len() >= 4);
        let steps = (g.sweep() / 0.05).ceil() as usize;
        assert_eq!(pts.len(), 2 * (steps + 1));
        for p in &pts {
            let d = p.distance(l.center);
            assert!((d - l.radius).abs() < 1e-6 || (d - l.inner_radius).abs() < 1e-6);
        }
        let (Some(first), Some(last)) = (pts.first(), pts.last()) else {
            panic!("empty")
        };
        assert!(first.distance(at(&l, g.start_angle, l.radius, g.offset)) < 1e-9);
        assert!(last.distance(at(&l, g.start_angle, l.inner_radius, g.offset)) < 1e-9);
    }
    // A pie wedge closes at the centre, following the pull-out.
    let mut o = opts(ChartKind::Pie, 640.0, 480.0, 1.0);
    o.highlight = Some(1);
    let l = run(&chart_share(), &o);
    let pts = l.arc_points(1, l.radius, 0.0, 0.1);
    let Some(g) = l.slices.get(1) else {
        panic!("missing")
    };
    let tip = Point::new(l.center.x + g.offset.x, l.center.y + g.offset.y);
    assert!(pts.last().is_some_and(|p| p.distance(tip) < 1e-9));
    // A 100 % slice still draws a full ring / disc (and is not pulled out).
    let mut o = opts(ChartKind::Donut, 640.0, 480.0, 1.0);
    o.highlight = Some(0);
    let l = run(&Chart::values(&[5.0, 0.0]).hide(1), &o);
    let Some(g) = l.slices.first() else {
        panic!("missing")
    };
    assert_eq!(g.sweep(), TAU);
    assert_eq!(g.offset, Point::ZERO);
    let ring = l.arc_points(0, l.radius, l.inner_radius, 0.1);
    assert!(ring.len() >= 2 * 63);
    let disc = l.arc_points(0, l.radius, 0.0, 0.1);
    assert!(disc
        .iter()
        .all(|p| (p.distance(l.center) - l.radius).abs() < 1e-6));
    let p = l.point_on_arc(0.0, 10.0);
    assert!((p.x - l.center.x).abs() < 1e-12 && (p.y - (l.center.y - 10.0)).abs() < 1e-12);
    let p = l.point_on_arc(FRAC_PI_2, 10.0);
    assert!((p.x - (l.center.x + 10.0)).abs() < 1e-9 && (p.y - l.center.y).abs() < 1e-9);
    // Hidden, empty and unknown slices draw nothing; silly steps are bounded.
    assert!(l.arc_points(1, l.radius, 0.0, 0.1).is_empty());
    assert!(l.arc_points(99, l.radius, 0.0, 0.1).is_empty());
    assert!(l.arc_points(0, l.radius, 0.0, 0.0).len() <= 4097);
    assert!(l.arc_points(0, l.radius, 0.0, f64::NAN).len() <= 4097);
    assert!(l.arc_points(0, l.radius, 0.0, 1e-300).len() <= 4097);
}

// ---------------------------------------------------------------- robustness

struct BrokenMeasure;
impl TextMeasure for BrokenMeasure {
    fn width(&self, text: &str, _font_px: f64) -> f64 {
        if text.len() & 1 == 0 {
            f64::NAN
        } else {
            f64::NEG_INFINITY
        }
    }
}

fn assert_no_hits(l: &Layout) {
    for yi in -2..=22 {
        for xi in -2..=22 {
            let (x, y) = (xi as f64 * l.width / 20.0, yi as f64 * l.height / 20.0);
            assert_eq!(l.hit_test(x, y), None, "hit on an empty chart at {x},{y}");
        }
    }
}

#[test]
fn degenerate_inputs_do_not_panic() {
    let empty = Chart::values(&[]);
    let all_hidden = Chart::values(&[1.0, 2.0]).hide(0).hide(1);
    let all_zero = Chart::values(&[0.0, 0.0, 0.0]);
    let bad = Chart::values(&[f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -5.0]);
    for chart in [&empty, &all_hidden, &all_zero, &bad] {
        for kind in ChartKind::ALL {
            for (w, h) in [(0.0, 0.0), (1.0, 1.0), (640.0, 480.0), (f64::NAN, -3.0)] {
                for hl in [None, Some(0), Some(usize::MAX)] {
                    let mut o = opts(kind, w, h, 1.0);
                    o.highlight = hl;
                    let l = run(chart, &o);
                    assert_finite_layout(&l);
                    assert_eq!(l.total, 0.0);
                    assert!(l.slices.iter().all(|g| g.share == 0.0 && g.sweep() == 0.0));
                    assert!(kind == ChartKind::Bar || l.labels.is_empty());
                    assert_eq!(l.highlight, None);
                    let has_rows = chart.hidden.iter().any(|h| !*h);
                    if kind == ChartKind::Bar && has_rows {
                        // Zero-valued bars keep their rows (category and "0" shown).
                        check_bar(&l, chart, 13.0, 1.0, "zero bars");
                    } else {
                        assert_no_hits(&l);
                    }
                    assert!(l.arc_points(0, l.radius, 0.0, 0.1).is_empty());
                }
            }
        }
    }
    // NaN / inf among normal values count as zero.
    let mixed = Chart::values(&[f64::NAN, 3.0, f64::INFINITY, 1.0]);
    let l = run(&mixed, &opts(ChartKind::Pie, 640.0, 480.0, 1.0));
    let shares: Vec<f64> = l.slices.iter().map(|g| g.share).collect();
    assert_eq!(shares, vec![0.0, 0.75, 0.0, 0.25]);
    check_pie(&l, 13.0, "mixed");

    // Zero / tiny canvases with real data.
    for kind in ChartKind::ALL {
        for (w, h) in [
            (0.0, 0.0),
            (1.0, 1.0),
            (3.0, 500.0),
            (500.0, 3.0),
            (1e7, 1e7),
        ] {
            let l = run(&chart_nine_en(), &opts(kind, w, h, 1.0));
            assert_finite_layout(&l);
            if kind.is_circular() {
                check_pie(&l, 13.0, "tiny");
            }
            if w <= 1.0 {
                assert_no_hits(&l);
                assert!(l.labels.is_empty());
            }
        }
    }

    // Bad font, scale and measurer.
    let chart = chart_two_cn();
    let inputs = chart.inputs();
    for kind in ChartKind::ALL {
        for (font, scale) in [
            (0.0, 0.0),
            (f64::NAN, f64::NAN),
            (-1.0, f64::INFINITY),
            (1e9, 1e9),
        ] {
            let measures: [&dyn TextMeasure; 2] = [&ApproxMeasure, &BrokenMeasure];
            for measure in measures {
                let l = compute(&LayoutInput {
                    kind,
                    slices: &inputs,
                    width: 640.0,
                    height: 480.0,
                    font_px: font,
                    scale,
                    highlight: Some(1),
                    measure,
                });
                assert_finite_layout(&l);
                assert_no_overlaps(&l.labels, "bad font");
            }
        }
    }
    assert!(bar_preferred_height(0, f64::NAN, f64::NAN).is_finite());
    assert!(bar_preferred_height(usize::MAX, 13.0, 1.0).is_finite());
}

#[test]
fn huge_labels_and_many_slices() {
    let big_cn = "质".repeat(1 << 20);
    let big_en = "abcdefghij ".repeat(100_000);
    let chart = Chart::new(&[
        (big_cn.as_str(), 3.0, big_en.as_str()),
        (big_en.as_str(), 2.0, "2"),
        ("", 1.0, ""),
    ]);
    for kind in ChartKind::ALL {
        for (w, h) in SIZES {
            let l = run(&chart, &opts(kind, w, h, 1.0));
            assert!(l
                .labels
                .iter()
                .all(|lab| lab.lines.concat().chars().count() <= 420));
            if kind.is_circular() {
                check_pie(&l, 13.0, "huge labels");
            } else {
                check_bar(&l, &chart, 13.0, 1.0, "huge labels");
            }
        }
    }

    let values: Vec<f64> = (0..10_000).map(|i| ((i * 7919) % 1000) as f64).collect();
    let chart = Chart::values(&values).hide(17);
    for kind in ChartKind::ALL {
        let mut o = opts(kind, 1200.0, 600.0, 2.0);
        o.highlight = Some(5);
        let l = run(&chart, &o);
        assert_eq!(l.slices.len(), 10_000);
        assert_finite_layout(&l);
        if kind.is_circular() {
            check_pie(&l, 26.0, "10k");
            let mut rng = XorShift(42);
            for _ in 0..2000 {
                let x = rng.unit() * l.width;
                let y = rng.unit() * l.height;
                assert_eq!(l.hit_test(x, y), reference_hit(&l, x, y));
            }
        } else {
            for g in l.slices.iter().step_by(97).filter(|g| !g.hidden) {
                let c = g.band.center();
                assert_eq!(l.hit_test(c.x, c.y), Some(g.index));
            }
        }
    }
}

#[test]
fn ten_thousand_slices_lay_out_completely() {
    // How fast is a benchmark's question (`make bench`); here: all of them, and hit where drawn.
    let values: Vec<f64> = (0..10_000)
        .map(|i| 1.0 + ((i * 7919) % 1000) as f64)
        .collect();
    let chart = Chart::values(&values);
    let inputs = chart.inputs();
    for kind in ChartKind::ALL {
        let l = compute(&LayoutInput {
            kind,
            slices: &inputs,
            width: 2400.0,
            height: 1200.0,
            font_px: 26.0,
            scale: 2.0,
            highlight: Some(3),
            measure: &ApproxMeasure,
        });
        assert_eq!(l.slices.len(), 10_000);
        let total: f64 = l.slices.iter().map(|s| s.share).sum();
        assert!((total - 1.0).abs() < 1e-9, "{kind}: shares sum to {total}");
    }
}

#[test]
fn hyphenated_words_break_after_the_hyphen() {
    let lines = wrap_text("New agri-standard projects", 80.0, 13.0, &ApproxMeasure);
    assert!(lines.iter().any(|l| l.ends_with("agri-")), "{lines:?}");
    assert_eq!(
        lines.concat().replace(' ', ""),
        "Newagri-standardprojects",
        "{lines:?}"
    );
    // On one line the word stays whole, with no space inserted.
    assert_eq!(
        wrap_text("agri-standard", 1000.0, 13.0, &ApproxMeasure),
        ["agri-standard"]
    );
}

#[test]
fn moving_the_highlight_equals_laying_out_again() {
    // A hover moves the pull-out on the layout it has instead of laying the chart out again:
    // after any sequence of moves the layout must be the one a fresh layout gives.
    for kind in ChartKind::ALL {
        for chart in [chart_nine_en(), chart_two_cn(), chart_share()] {
            let n = chart.labels.len();
            let mut moved = run(&chart, &opts(kind, 640.0, 480.0, 2.0));
            let sequence =
                (0..n)
                    .map(Some)
                    .chain([None, Some(n), Some(n - 1), Some(0), Some(0), None]);
            for hl in sequence {
                moved.set_highlight(hl);
                let mut o = opts(kind, 640.0, 480.0, 2.0);
                o.highlight = hl;
                assert_eq!(moved, run(&chart, &o), "{kind:?}, highlight {hl:?}");
            }
        }
    }
}

#[test]
fn a_hovered_pulled_out_slice_keeps_the_place_it_left() {
    let chart = chart_nine_en();
    for kind in [ChartKind::Pie, ChartKind::Donut] {
        for hl in 0..chart.labels.len() {
            let mut o = opts(kind, 640.0, 480.0, 1.0);
            o.highlight = Some(hl);
            let l = run(&chart, &o);
            let Some(g) = l.slices.get(hl) else {
                panic!("missing slice")
            };
            if g.offset == Point::ZERO {
                continue;
            }
            // Inside the slice's old place, just past its pulled-out inner edge or side.
            let r = (l.inner_radius + 1.0).max(2.0);
            let vacated = at(&l, g.mid_angle(), r, Point::ZERO);
            assert_eq!(hit(&l, vacated), None, "{kind:?} {hl}: empty for a click");
            assert_eq!(
                l.hover_test(vacated.x, vacated.y, Some(hl)),
                Some(hl),
                "{kind:?} {hl}: still hovered"
            );
            // Only for the slice that is hovered, and nowhere else.
            let other = (hl + 1) % chart.labels.len();
            assert_eq!(l.hover_test(vacated.x, vacated.y, Some(other)), None);
            assert_eq!(l.hover_test(vacated.x, vacated.y, None), None);
            assert_eq!(
                l.hover_test(l.center.x + 9999.0, l.center.y, Some(hl)),
                None
            );
            let beside = at(&l, g.mid_angle() + g.sweep(), l.radius * 0.8, Point::ZERO);
            assert_eq!(
                l.hover_test(beside.x, beside.y, Some(hl)),
                hit(&l, beside),
                "{kind:?} {hl}: a neighbour is hit as usual"
            );
        }
    }
}
