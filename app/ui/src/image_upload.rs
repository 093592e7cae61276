use super::{Icon, IconName};
use leptos::prelude::*;

/// Where one upload is (only the browser moves it on).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
enum Upload {
    Idle,
    /// Per cent sent.
    Sending(u32),
    Failed(String),
}

/// "Upload image" beside an image address: picks a photo from the device, posts it as the
/// `image` field to `action` (which answers `{"url": …}` or an `AppError`) with its progress
/// showing, and gives `done` its address.
#[component]
pub fn ImageUpload(
    /// What it is for, in the button's accessible name ("Upload photo").
    label: &'static str,
    /// Where the image is posted, like `/bio/<workspace>/images`.
    #[prop(into)]
    action: String,
    /// The largest file sent, checked before it travels (the server checks again).
    max_bytes: usize,
    /// Receives the uploaded image's address.
    done: Callback<String>,
) -> impl IntoView {
    let action = StoredValue::new(action);
    let upload = RwSignal::new(Upload::Idle);
    let picker = NodeRef::<leptos::html::Input>::new();
    let pick = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(input) = picker.get() {
            input.click();
        }
    };
    let chosen = move |_: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        start(picker, &action.get_value(), max_bytes, upload, done);
        #[cfg(not(feature = "hydrate"))]
        let _ = (action, max_bytes, done);
    };
    let sending = move || matches!(upload.get(), Upload::Sending(_));
    view! {
        <div class="image-upload">
            <button type="button" class="button button-secondary" on:click=pick disabled=sending aria-label=label>
                <Icon name=IconName::Upload/>"Upload"
            </button>
            <input node_ref=picker type="file" hidden accept="image/png,image/jpeg,image/webp,image/gif" on:change=chosen/>
            {move || match upload.get() {
                Upload::Idle => None,
                Upload::Sending(pct) => Some(view! {
                    <span class="upload-progress" role="status">
                        <progress max="100" value=pct></progress>
                        {format!("Uploading… {pct}%")}
                    </span>
                }.into_any()),
                Upload::Failed(message) => Some(view! {
                    <p class="field-error" role="alert">{message}</p>
                }.into_any()),
            }}
        </div>
    }
}

/// What an upload answers: where the image is now.
#[cfg(feature = "hydrate")]
#[derive(serde::Deserialize)]
struct Stored {
    url: String,
}

/// Checks the file chosen in `picker` and sends it.
#[cfg(feature = "hydrate")]
fn start(
    picker: NodeRef<leptos::html::Input>,
    action: &str,
    max: usize,
    upload: RwSignal<Upload>,
    done: Callback<String>,
) {
    let Some(input) = picker.get() else {
        return;
    };
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    // Choosing the same file again after a failure is a change too.
    input.set_value("");
    // Refused before it travels; the server checks again.
    if file.size() > max as f64 {
        let mb = max / (1024 * 1024);
        upload.set(Upload::Failed(format!("Choose an image under {mb} MB.")));
        return;
    }
    upload.set(Upload::Sending(0));
    send(action, &file, upload, done);
}

/// Posts `file` to `action` with XMLHttpRequest, the one browser API that reports upload
/// progress.
#[cfg(feature = "hydrate")]
fn send(action: &str, file: &web_sys::File, upload: RwSignal<Upload>, done: Callback<String>) {
    use app_core::error::AppError;
    use leptos::wasm_bindgen::closure::Closure;
    use leptos::wasm_bindgen::JsCast;
    let failed = |m: &str| upload.set(Upload::Failed(m.to_owned()));
    let (Ok(form), Ok(xhr)) = (web_sys::FormData::new(), web_sys::XmlHttpRequest::new()) else {
        return failed("This browser cannot upload files.");
    };
    if form.append_with_blob("image", file).is_err() || xhr.open("POST", action).is_err() {
        return failed("This browser cannot upload files.");
    }
    let progress =
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
            if e.length_computable() && e.total() > 0.0 {
                let pct = (e.loaded() / e.total() * 100.0).min(99.0) as u32;
                upload.set(Upload::Sending(pct));
            }
        });
    if let Ok(target) = xhr.upload() {
        target.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    }
    let answer = xhr.clone();
    let finished = Closure::once_into_js(move || {
        // The progress handler lives as long as the request.
        drop(progress);
        let body = answer.response_text().ok().flatten().unwrap_or_default();
        match answer.status().unwrap_or(0) {
            200 => match serde_json::from_slice::<Stored>(body.as_bytes()) {
                Ok(image) => {
                    upload.set(Upload::Idle);
                    done.run(image.url);
                }
                Err(_) => upload.set(Upload::Failed("The upload did not work. Try again.".into())),
            },
            0 => upload.set(Upload::Failed(
                "The upload did not reach Mewayz. Check your connection and try again.".into(),
            )),
            _ => {
                // From bytes, as server functions read errors: one copy of the code (page_data.rs).
                let message = serde_json::from_slice::<AppError>(body.as_bytes())
                    .map(|e| {
                        e.field_messages("image")
                            .into_iter()
                            .next()
                            .unwrap_or_else(|| e.to_string())
                    })
                    .unwrap_or_else(|_| "The upload did not work. Try again.".into());
                upload.set(Upload::Failed(message));
            }
        }
    });
    xhr.set_onloadend(Some(finished.unchecked_ref()));
    if xhr.send_with_opt_form_data(Some(&form)).is_err() {
        failed("The upload did not work. Try again.");
    }
}
