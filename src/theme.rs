//! Colours: a colour-blind-safe palette (Okabe and Ito) and light and dark themes.

use crate::layout::Within;

/// An opaque colour as 8-bit RGB.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`, for CSS, the canvas and SVG.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// This colour moved towards `other` by `t` (0 = self, 1 = other). Opaque by design: canvas
    /// and SVG then agree, and contrast can be computed.
    pub fn mix(self, other: Rgb, t: f64) -> Rgb {
        let t = t.within(0.0, 1.0);
        let channel =
            |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(
            channel(self.0, other.0),
            channel(self.1, other.1),
            channel(self.2, other.2),
        )
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }

    /// WCAG contrast ratio, 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub dark: bool,
    pub background: Rgb,
    pub text: Rgb,
    pub muted_text: Rgb,
    pub leader: Rgb,
    pub grid: Rgb,
    pub focus: Rgb,
    /// The "Other" slice of a large chart: neutral, and 3:1 against the background.
    pub other: Rgb,
    pub palette: &'static [Rgb],
}

/// Okabe–Ito's colour-blind-safe hues, then two of Paul Tol's (indigo, wine) so that the nine
/// sectors of the overview get nine distinct colours; ordered so neighbours differ in lightness.
const LIGHT_PALETTE: [Rgb; 10] = [
    Rgb(0x00, 0x72, 0xb2), // blue
    Rgb(0xe6, 0x9f, 0x00), // orange
    Rgb(0x00, 0x9e, 0x73), // bluish green
    Rgb(0xcc, 0x79, 0xa7), // reddish purple
    Rgb(0x56, 0xb4, 0xe9), // sky blue
    Rgb(0xd5, 0x5e, 0x00), // vermillion
    Rgb(0xf0, 0xe4, 0x42), // yellow
    Rgb(0x33, 0x22, 0x88), // indigo
    Rgb(0x99, 0x99, 0x99), // grey
    Rgb(0x88, 0x22, 0x55), // wine
];

/// The same hues, with the dark ones lightened so they stand out on a dark background.
const DARK_PALETTE: [Rgb; 10] = [
    Rgb(0x3a, 0x9a, 0xd9),
    Rgb(0xe6, 0x9f, 0x00),
    Rgb(0x00, 0xb3, 0x83),
    Rgb(0xd8, 0x8d, 0xb6),
    Rgb(0x56, 0xb4, 0xe9),
    Rgb(0xe8, 0x6d, 0x1a),
    Rgb(0xf0, 0xe4, 0x42),
    Rgb(0x88, 0x7c, 0xd9),
    Rgb(0xa6, 0xa6, 0xa6),
    Rgb(0xc8, 0x5a, 0x8e),
];

impl Theme {
    pub fn light() -> Theme {
        Theme {
            dark: false,
            background: Rgb(0xff, 0xff, 0xff),
            text: Rgb(0x1f, 0x23, 0x28),
            muted_text: Rgb(0x57, 0x5f, 0x6a),
            leader: Rgb(0x6e, 0x76, 0x81),
            grid: Rgb(0xd0, 0xd7, 0xde),
            focus: Rgb(0x0b, 0x57, 0xd0),
            other: Rgb(0x8c, 0x95, 0x9f),
            palette: &LIGHT_PALETTE,
        }
    }

    pub fn dark() -> Theme {
        Theme {
            dark: true,
            background: Rgb(0x16, 0x1b, 0x22),
            text: Rgb(0xe6, 0xed, 0xf3),
            muted_text: Rgb(0xa8, 0xb3, 0xbf),
            leader: Rgb(0x8b, 0x94, 0x9e),
            grid: Rgb(0x30, 0x36, 0x3d),
            focus: Rgb(0x8a, 0xb4, 0xf8),
            other: Rgb(0x76, 0x7f, 0x8a),
            palette: &DARK_PALETTE,
        }
    }

    pub fn for_dark(dark: bool) -> Theme {
        if dark {
            Theme::dark()
        } else {
            Theme::light()
        }
    }

    /// The colour of slice `index`. Past the palette's length colours repeat, so the renderer
    /// also draws a pattern index (see `pattern_of`) to tell repeats apart.
    pub fn slice_colour(&self, index: usize) -> Rgb {
        let len = self.palette.len().max(1);
        self.palette.get(index % len).copied().unwrap_or(self.text)
    }
}

impl Theme {
    /// The line drawn around slice `index`. Where the fill itself stands out from the background
    /// by 3:1 (WCAG's non-text contrast) a gap in the background colour separates neighbours;
    /// a light fill (yellow, sky blue on white) gets a darker edge of its own hue that does.
    pub fn edge_colour(&self, index: usize) -> Rgb {
        let fill = self.slice_colour(index);
        if fill.contrast(self.background) >= 3.0 {
            return self.background;
        }
        let mut t = 0.0;
        let mut edge = fill;
        while edge.contrast(self.background) < 3.0 && t < 1.0 {
            t += 0.05;
            edge = fill.mix(self.text, t);
        }
        edge
    }
}

/// Slices past the palette get a hatch pattern, so no two neighbours look alike even without
/// colour vision: 0 = solid, 1 = diagonal lines, 2 = dots.
pub fn pattern_of(index: usize, palette_len: usize) -> usize {
    (index / palette_len.max(1)) % 3
}

/// How many distinct colours there are before patterns start (CSS has `.sc-c0` to `.sc-c9`).
pub const PALETTE_LEN: usize = LIGHT_PALETTE.len();

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_readable_in_both_themes() {
        for theme in [Theme::light(), Theme::dark()] {
            assert!(theme.text.contrast(theme.background) >= 7.0);
            assert!(theme.muted_text.contrast(theme.background) >= 4.5);
            assert!(theme.focus.contrast(theme.background) >= 3.0);
            assert!(theme.other.contrast(theme.background) >= 3.0);
        }
    }

    #[test]
    fn every_slice_is_set_off_from_the_background_by_three_to_one() {
        for theme in [Theme::light(), Theme::dark()] {
            for index in 0..PALETTE_LEN {
                let fill = theme.slice_colour(index);
                let edge = theme.edge_colour(index);
                let boundary = if edge == theme.background { fill } else { edge };
                assert!(
                    boundary.contrast(theme.background) >= 3.0,
                    "slice {index} in {} theme: {:?} on {:?}",
                    if theme.dark { "dark" } else { "light" },
                    boundary,
                    theme.background
                );
            }
        }
    }

    #[test]
    fn the_palette_has_no_repeats() {
        for theme in [Theme::light(), Theme::dark()] {
            for a in 0..PALETTE_LEN {
                for b in (a + 1)..PALETTE_LEN {
                    assert_ne!(theme.slice_colour(a), theme.slice_colour(b));
                }
            }
        }
    }
}
