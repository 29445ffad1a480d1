//! Checks the benchmarks' synthetic matrix generator on its smallest shape: the files compile
//! without a diagnostic into the dense table the shape promises, with every kind of cell, and
//! the same shape always gives the same bytes. Its speed is measured by `cargo bench`, not here.

#[path = "../benches/synthetic/mod.rs"]
mod synthetic;

use speke_matrix_build::{compile, render, Cell};
use synthetic::Shape;

#[test]
fn the_smallest_scale_compiles_cleanly_to_its_shape() {
    let shape = Shape::SCALES[0];
    let files = synthetic::files(&shape);
    let compiled = compile("matrix", &files).unwrap_or_else(|diagnostics| {
        let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
        panic!(
            "the synthetic matrix does not compile:\n{}",
            lines.join("\n")
        )
    });
    assert_eq!(compiled.warnings, []);

    let matrix = &compiled.matrix;
    assert_eq!(matrix.versions.len(), shape.versions);
    assert_eq!(matrix.endpoints.len(), shape.endpoints);
    assert_eq!(matrix.drm_systems.len(), shape.drm_systems);
    assert_eq!(matrix.cells().len(), 1_000);
    let count = |wanted: fn(&Cell) -> bool| matrix.cells().iter().filter(|c| wanted(c)).count();
    assert!(count(|c| *c == Cell::NotInGrid) > 0);
    assert!(count(|c| *c == Cell::Unsupported) > 0);
    assert!(count(|c| *c == Cell::Supported(0)) > 0);
    assert!(count(|c| matches!(c, Cell::Supported(set) if set.count_ones() >= 2)) > 0);
}

#[test]
fn the_scales_grow_tenfold_and_stay_deterministic() {
    let cells: Vec<usize> = Shape::SCALES.iter().map(Shape::cells).collect();
    assert_eq!(cells, [1_000, 10_000, 100_000, 1_000_000]);

    let shape = Shape::SCALES[1];
    let files = synthetic::files(&shape);
    assert_eq!(files, synthetic::files(&shape));
    let compiled = compile("matrix", &files).expect("the synthetic matrix compiles");
    let once = render::rust::render(&compiled.matrix, &files);
    assert_eq!(once, render::rust::render(&compiled.matrix, &files));
    assert!(once.contains("pub(crate) const CELLS: [u8; 10000] = ["));
}
