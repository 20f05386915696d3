//! Loading a scenario pack from a web address on this site: a `.toml` file,
//! or a `pack.json` listing files next to it:
//! `{"name": "Onboarding week 1", "files": ["billing.toml", "returns.toml"]}`.
//! Other sites are refused, so a link cannot pull content from elsewhere,
//! unless the site's `rapport.config.json` lists them:
//! `{"packs": {"allowed_origins": ["https://training.example.com"]}}`.

use rapport::scenario::CustomFile;
#[cfg(target_arch = "wasm32")]
use rapport::scenario::{compile_custom, MAX_CUSTOM_FILES, MAX_SOURCE_BYTES};

/// The site's root, which pack addresses and the configuration are relative
/// to: the folder above the studio's page.
#[cfg(target_arch = "wasm32")]
fn site_root() -> String {
    let page = gloo::utils::window().location().href().unwrap_or_default();
    web_sys::Url::new_with_base("../", &page)
        .map(|u| u.href())
        .unwrap_or(page)
}

/// A pack index.
#[cfg(target_arch = "wasm32")]
#[derive(serde::Deserialize)]
struct Index {
    #[serde(default)]
    files: Vec<String>,
}

#[cfg(target_arch = "wasm32")]
#[derive(serde::Deserialize, Default)]
struct Config {
    #[serde(default)]
    packs: PackConfig,
}

#[cfg(target_arch = "wasm32")]
#[derive(serde::Deserialize, Default)]
struct PackConfig {
    #[serde(default)]
    allowed_origins: Vec<String>,
}

/// Origins the site's configuration allows packs from, besides its own.
#[cfg(target_arch = "wasm32")]
async fn allowed_origins() -> Vec<String> {
    let Ok(url) = web_sys::Url::new_with_base("rapport.config.json", &site_root()) else {
        return Vec::new();
    };
    match fetch_text(&url.href()).await {
        Ok(text) => serde_json::from_str::<Config>(&text)
            .map(|c| c.packs.allowed_origins)
            .unwrap_or_default(),
        Err(_) => Vec::new(),
    }
}

/// Resolves `href` against `base` and checks it is on this site or an
/// allowed one.
#[cfg(target_arch = "wasm32")]
fn same_origin(href: &str, base: &str, allowed: &[String]) -> Result<String, String> {
    let url = web_sys::Url::new_with_base(href, base)
        .map_err(|_| format!("`{href}` is not a web address"))?;
    let here = gloo::utils::window()
        .location()
        .origin()
        .unwrap_or_default();
    let listed = allowed
        .iter()
        .any(|o| o.trim_end_matches('/') == url.origin());
    if url.origin() != here && !listed {
        return Err(format!(
            "`{href}` is on another site ({}); only packs on this site, or on sites listed in rapport.config.json, can be loaded",
            url.origin()
        ));
    }
    Ok(url.href())
}

/// Fetches `url` as text, refusing more than [`MAX_SOURCE_BYTES`] before it
/// is read: a declared length over the cap is refused at once, and the body
/// is read chunk by chunk, stopping as soon as it passes the cap.
#[cfg(target_arch = "wasm32")]
async fn fetch_text(url: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let too_large = || {
        format!(
            "{url}: refused, it is larger than {} KB",
            MAX_SOURCE_BYTES / 1024
        )
    };
    let resp = JsFuture::from(gloo::utils::window().fetch_with_str(url))
        .await
        .map_err(|_| format!("{url}: could not be fetched"))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| format!("{url}: no response"))?;
    if !resp.ok() {
        return Err(format!("{url}: the server answered {}", resp.status()));
    }
    let declared = resp
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_SOURCE_BYTES as u64) {
        return Err(too_large());
    }
    let unreadable = || format!("{url}: unreadable");
    let body = resp.body().ok_or_else(unreadable)?;
    let reader: web_sys::ReadableStreamDefaultReader =
        body.get_reader().dyn_into().map_err(|_| unreadable())?;
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| unreadable())?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .map(|d| d.is_truthy())
            .unwrap_or(true);
        if done {
            break;
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into()).map_err(|_| unreadable())?;
        let part = js_sys::Uint8Array::new(&value);
        if bytes.len() + part.length() as usize > MAX_SOURCE_BYTES {
            let _ = reader.cancel();
            return Err(too_large());
        }
        bytes.extend(part.to_vec());
    }
    String::from_utf8(bytes).map_err(|_| format!("{url}: not UTF-8 text"))
}

/// Fetches the files of the pack at `href`; each file or its error.
pub async fn load_pack(href: &str) -> Vec<Result<CustomFile, String>> {
    #[cfg(target_arch = "wasm32")]
    {
        let page = site_root();
        let allowed = allowed_origins().await;
        let url = match same_origin(href.trim(), &page, &allowed) {
            Ok(u) => u,
            Err(e) => return vec![Err(e)],
        };
        let name_of = |u: &str| {
            u.rsplit('/')
                .next()
                .unwrap_or(u)
                .split('?')
                .next()
                .unwrap_or(u)
                .to_string()
        };
        if !url.split('?').next().unwrap_or(&url).ends_with(".json") {
            return vec![fetch_text(&url)
                .await
                .map(|source| compile_custom(&name_of(&url), &source))];
        }
        let index = match fetch_text(&url).await {
            Ok(t) => t,
            Err(e) => return vec![Err(e)],
        };
        let index: Index = match serde_json::from_str(&index) {
            Ok(i) => i,
            Err(e) => return vec![Err(format!("{url}: not a pack index ({e})"))],
        };
        let mut out = Vec::new();
        for f in index.files.iter().take(MAX_CUSTOM_FILES) {
            let file = match same_origin(f, &url, &allowed) {
                Ok(u) => fetch_text(&u)
                    .await
                    .map(|source| compile_custom(&name_of(&u), &source)),
                Err(e) => Err(e),
            };
            out.push(file);
        }
        if index.files.len() > MAX_CUSTOM_FILES {
            out.push(Err(format!(
                "only the first {MAX_CUSTOM_FILES} files of the pack were loaded"
            )));
        }
        out
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = href;
        vec![Err("packs load in the browser".to_string())]
    }
}
