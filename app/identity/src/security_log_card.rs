use super::api::list_security_events;
use leptos::prelude::*;

/// The account's security log: what changed how it signs in, when and from where, so its owner
/// notices a change they did not make.
#[component]
pub fn SecurityLogCard() -> impl IntoView {
    let events = ui::resource(|| (), |_| list_security_events());
    view! {
        <section class="card settings-section" aria-labelledby="security-log-heading">
            <h2 id="security-log-heading">"Security log"</h2>
            <p class="muted">"Changes to how this account signs in. Not you? Change your password and log out everywhere."</p>
            <Transition fallback=|| view! { <p class="muted">"Loading the log…"</p> }>
                {move || Suspend::new(async move {
                    match events.await {
                        Ok(list) if list.is_empty() => view! { <p class="muted">"Nothing yet."</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="session-list" aria-label="Security events">
                                {list.into_iter().map(|e| {
                                    let when = e.at.get(..16).unwrap_or_default().replace('T', " ");
                                    view! {
                                        <li class="session-row">
                                            <div>
                                                <p>{e.summary}</p>
                                                <p class="muted">{format!("{when} UTC · {}", e.ip)}</p>
                                            </div>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
