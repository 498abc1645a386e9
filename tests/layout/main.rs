//! Layout geometry, one file per topic: shares, hit testing, labels, wrapping, drawing helpers,
//! robustness, random charts; `invariants` holds what every layout must hold.

#[path = "../common/mod.rs"]
mod common;
mod drawing;
mod hit;
mod invariants;
mod labels;
mod morph;
mod random;
mod robustness;
mod shares;
mod wrapping;
