use leptos::prelude::*;

/// The page's address and its QR code, to download as SVG (print) or PNG (posts and slides).
#[component]
pub fn ShareCard(
    #[prop(into)] handle: String,
    #[prop(into)] slug: String,
    #[prop(into)] public_url: String,
) -> impl IntoView {
    let qr = |format: &str| format!("/@{handle}/qr?page={slug}&format={format}");
    view! {
        <section class="share-card" aria-labelledby="share-heading">
            <h2 id="share-heading">"Share"</h2>
            <div class="field">
                <label for="public-url">"Your page's address"</label>
                <input id="public-url" type="url" readonly=true value=public_url.clone()/>
            </div>
            <img class="qr-preview" src=qr("svg") alt=format!("QR code of {public_url}") width="160" height="160"/>
            <div class="row-actions">
                <a class="button button-secondary" href=qr("svg") download="">"Download QR (SVG)"</a>
                <a class="button button-secondary" href=qr("png") download="">"Download QR (PNG)"</a>
            </div>
            <p class="field-hint">"The code always opens your current page, so it stays valid when you change it."</p>
        </section>
    }
}
