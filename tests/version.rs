//! The version lives in Cargo.toml. `./build.sh` writes it into the packaged manifests
//! (tools/package.mjs); these tests fail when a checked-in copy says otherwise, so an unpacked load of
//! `extension/` and the npm tooling never show another number than the store packages.

use std::path::Path;

/// The `version` field of a JSON file in the repository.
fn version_in(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
    json["version"].as_str().unwrap_or_else(|| panic!("{file} has no version")).to_string()
}

#[test]
fn the_extension_manifest_has_the_crate_version() {
    assert_eq!(
        version_in("extension/manifest.json"),
        env!("CARGO_PKG_VERSION"),
        "bump extension/manifest.json with Cargo.toml"
    );
}

#[test]
fn package_json_has_the_crate_version() {
    assert_eq!(version_in("package.json"), env!("CARGO_PKG_VERSION"), "bump package.json with Cargo.toml");
}
