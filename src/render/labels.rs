//! Text on the chart: pie labels with their leader lines, bar categories and values, and
//! single lines for the titles and credits of exports.

use plotters::prelude::{DrawingBackend, PathElement, Text};

use super::paint::{pixel, printable, stroke, Area, DrawResult, Paint};
use crate::layout::{LabelRole, Layout, Point};

pub(super) fn draw_labels<DB: DrawingBackend>(
    area: &Area<DB>,
    layout: &Layout,
    paint: &Paint,
) -> DrawResult<DB> {
    for label in &layout.labels {
        if label.leader.len() >= 2 {
            let leader: Vec<(i32, i32)> = label.leader.iter().copied().map(pixel).collect();
            area.draw(&PathElement::new(
                leader,
                stroke(paint.theme.leader, paint.scale),
            ))?;
        }
        let selected = paint.selected == Some(label.slice);
        let count = label.lines.len();
        for (row, line) in label.lines.iter().enumerate() {
            // A pie label's last line is its value: muted unless its slice is selected.
            let is_value = label.role == LabelRole::Slice && row + 1 == count && count > 1;
            let rgb = if is_value && !selected {
                paint.theme.muted_text
            } else {
                paint.theme.text
            };
            let at = Point::new(
                label.anchor.x,
                label.anchor.y + row as f64 * label.line_height,
            );
            let bold = selected && !is_value && label.bold_fits;
            let style = paint.text_style(paint.font_px, rgb, bold, label.align_right);
            area.draw(&Text::new(printable(line), pixel(at), style))?;
        }
    }
    Ok(())
}

/// A line of text with its top left at `at`, for titles and credit lines in exports.
pub fn draw_text_line<DB: DrawingBackend>(
    area: &Area<DB>,
    paint: &Paint,
    text: &str,
    at: Point,
    px: f64,
    muted: bool,
    bold: bool,
) -> DrawResult<DB> {
    let rgb = if muted {
        paint.theme.muted_text
    } else {
        paint.theme.text
    };
    let style = paint.text_style(px, rgb, bold, false);
    area.draw(&Text::new(printable(text), pixel(at), style))
}
