//! Names of the built JS, WASM and CSS files, which cargo-leptos suffixes with content hashes.

use leptos::config::LeptosOptions;
use std::path::PathBuf;

/// The site's built assets, resolved once at start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assets {
    /// URL of the stylesheet, e.g. `/pkg/mewayz.3f2a….css`.
    pub css: String,
    /// URL of the JS glue of the WASM bundle.
    pub js: String,
    /// URL of the WASM bundle.
    pub wasm: String,
    /// Changes whenever any asset changes; names the service worker's cache.
    pub version: String,
    /// Whether the names carry content hashes (and may be cached forever).
    pub hashed: bool,
}

impl Assets {
    /// Reads the hash file that cargo-leptos writes next to the server binary, the same file the
    /// hydration scripts read, so both always agree.
    pub fn load(options: &LeptosOptions) -> Self {
        let hash_file = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|p| p.join(options.hash_file.as_ref())))
            .unwrap_or_else(|| PathBuf::from(options.hash_file.as_ref()));
        let contents = if options.hash_files {
            std::fs::read_to_string(&hash_file).ok()
        } else {
            None
        };
        Self::from_hash_file(options, contents.as_deref())
    }

    /// Builds the names from the contents of a hash file (`js: …`, `wasm: …`, `css: …` lines).
    pub fn from_hash_file(options: &LeptosOptions, contents: Option<&str>) -> Self {
        let name = options.output_name.as_ref();
        let pkg = options.site_pkg_dir.as_ref();
        let hash_of = |kind: &str| {
            contents?.lines().find_map(|line| {
                let (k, v) = line.split_once(':')?;
                (k.trim() == kind).then(|| v.trim().to_owned())
            })
        };
        let url = |kind: &str| match hash_of(kind) {
            Some(h) => format!("/{pkg}/{name}.{h}.{kind}"),
            None => format!("/{pkg}/{name}.{kind}"),
        };
        let hashes: Vec<String> = ["js", "wasm", "css"]
            .iter()
            .filter_map(|k| hash_of(k))
            .collect();
        let hashed = hashes.len() == 3;
        let version = if hashed {
            // The split build's loader and manifest change when only a lazy page's chunk does.
            let split = ["split", "manifest"].iter().filter_map(|k| hash_of(k));
            hashes
                .into_iter()
                .chain(split)
                .collect::<Vec<_>>()
                .join("-")
        } else {
            // Unhashed (tests, first dev build): a new process is the only signal of a new build.
            let started = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_millis())
                .unwrap_or_default();
            format!("dev-{started}")
        };
        Assets {
            css: url("css"),
            js: url("js"),
            wasm: url("wasm"),
            version,
            hashed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_come_from_the_hash_file() {
        let opts = LeptosOptions::builder().output_name("mewayz").build();
        let a = Assets::from_hash_file(&opts, Some("js: aaa\nwasm: bbb\ncss: ccc\n"));
        assert_eq!(a.css, "/pkg/mewayz.ccc.css");
        assert_eq!(a.js, "/pkg/mewayz.aaa.js");
        assert_eq!(a.wasm, "/pkg/mewayz.bbb.wasm");
        assert_eq!(a.version, "aaa-bbb-ccc");
        assert!(a.hashed);
    }

    #[test]
    fn a_split_build_versions_its_loader_and_manifest_too() {
        let opts = LeptosOptions::builder().output_name("mewayz").build();
        let hashes = "js: aaa\nwasm: bbb\ncss: ccc\nmanifest: ddd\nsplit: eee\n";
        let a = Assets::from_hash_file(&opts, Some(hashes));
        assert_eq!(a.version, "aaa-bbb-ccc-eee-ddd");
    }

    #[test]
    fn without_a_hash_file_the_plain_names_are_used() {
        let opts = LeptosOptions::builder().output_name("mewayz").build();
        let a = Assets::from_hash_file(&opts, None);
        assert_eq!(a.css, "/pkg/mewayz.css");
        assert!(!a.hashed);
        assert!(a.version.starts_with("dev-"));
    }
}
