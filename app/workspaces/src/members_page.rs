use super::api::{
    list_invitations, list_members, ChangeMemberRole, InviteMember, LeaveWorkspace, RemoveMember,
    ResendInvitation, RevokeInvitation, TransferOwnership,
};
use super::current_workspace::use_route_workspace;
use super::model::{InvitationView, MemberView, Permission, Role, WorkspaceView, PERMISSIONS};
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use ui::{saved_version, use_toasts, Field, ToastKind};

/// `/app/<handle>/members`: who is in the workspace, what each role may do, invitations.
/// Controls a role cannot use are not shown.
#[component]
pub fn MembersPage() -> impl IntoView {
    let workspace = use_route_workspace();
    view! {
        <Title text="Members"/>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let ws = workspace.await?;
                Ok::<_, app_core::error::AppError>(view! { <Members ws/> })
            })}
        </Transition>
    }
}

#[component]
fn Members(ws: WorkspaceView) -> impl IntoView {
    let invite = ServerAction::<InviteMember>::new();
    let change = ServerAction::<ChangeMemberRole>::new();
    let remove = ServerAction::<RemoveMember>::new();
    let transfer = ServerAction::<TransferOwnership>::new();
    let leave = ServerAction::<LeaveWorkspace>::new();
    let revoke = ServerAction::<RevokeInvitation>::new();
    let resend = ServerAction::<ResendInvitation>::new();
    let id = ws.id.clone();
    let members = ui::resource(move || (change.version().get(), remove.version().get()), {
        let id = id.clone();
        move |_| list_members(id.clone())
    });
    let can_manage = ws.role.can(Permission::ManageMembers);
    let is_owner = ws.role.can(Permission::TransferOwnership);
    let leave_id = ws.id.clone();
    let invite_saved = saved_version(*invite);
    let invitations = ui::resource(
        move || {
            (
                invite_saved.get(),
                revoke.version().get(),
                resend.version().get(),
            )
        },
        {
            let id = id.clone();
            move |_| {
                let id = id.clone();
                async move {
                    if can_manage {
                        list_invitations(id).await
                    } else {
                        Ok(Vec::new())
                    }
                }
            }
        },
    );
    let toasts = use_toasts();
    Effect::new(move |_| {
        for (ok, msg) in [
            (
                matches!(invite.value().get(), Some(Ok(_))),
                "Invitation sent.",
            ),
            (
                matches!(resend.value().get(), Some(Ok(_))),
                "Invitation sent again.",
            ),
        ] {
            if ok {
                toasts.show(ToastKind::Success, msg);
            }
        }
        for e in [
            change.value().get(),
            remove.value().get(),
            revoke.value().get(),
        ]
        .into_iter()
        .flatten()
        .filter_map(|r| r.err())
        {
            toasts.error(&e);
        }
    });
    let invite_error = Signal::derive(move || invite.value().get().and_then(|r| r.err()));
    let ws_id = ws.id.clone();

    view! {
        <h1>"Members"</h1>
        <p class="muted">{format!("{} · you are {}", ws.name, ws.role.label().to_lowercase())}</p>
        <section class="card settings-section" aria-labelledby="people-heading">
            <h2 id="people-heading">"People"</h2>
            <Transition fallback=|| view! { <p class="muted">"Loading members…"</p> }>
                {move || {
                    let ws_id = ws_id.clone();
                    Suspend::new(async move {
                        let list = members.await?;
                        Ok::<_, app_core::error::AppError>(view! {
                            <ul class="session-list" aria-label="Members">
                                {list.into_iter().map(|m| view! { <MemberRow m ws_id=ws_id.clone() can_manage is_owner change remove transfer/> }).collect_view()}
                            </ul>
                        })
                    })
                }}
            </Transition>
        </section>
        {can_manage.then(|| { let ws_id = ws.id.clone(); let form_ws_id = ws.id.clone(); view! {
            <section class="card settings-section" id="invite" aria-labelledby="invite-heading">
                <h2 id="invite-heading">"Invite someone"</h2>
                <ActionForm action=invite attr:class="form" attr:novalidate=true>
                    <FormError error=invite_error/>
                    <input type="hidden" name="workspace_id" value=form_ws_id/>
                    <Field label="Email" name="email" input_type="email" required=true error=invite_error/>
                    <div class="field">
                        <label for="invite-role">"Role"</label>
                        <select id="invite-role" name="role">
                            {[Role::Admin, Role::Editor, Role::Viewer].into_iter().map(|r| view! { <option value=r.as_str() selected=r == Role::Editor>{r.label()}</option> }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="button button-primary">"Send invitation"</button>
                </ActionForm>
                <h3>"Pending invitations"</h3>
                <Transition fallback=|| ()>
                    {move || { let ws_id = ws_id.clone(); Suspend::new(async move {
                        let list = invitations.await?;
                        Ok::<_, app_core::error::AppError>(if list.is_empty() {
                            view! { <p class="muted">"No pending invitations."</p> }.into_any()
                        } else {
                            view! {
                                <ul class="session-list" aria-label="Pending invitations">
                                    {list.into_iter().map(|inv| view! { <InvitationRow inv ws_id=ws_id.clone() resend revoke/> }).collect_view()}
                                </ul>
                            }.into_any()
                        })
                    })}}
                </Transition>
            </section>
        }})}
        <LeaveCard workspace_id=leave_id leave/>
        <section class="card settings-section" aria-labelledby="roles-heading">
            <h2 id="roles-heading">"What each role can do"</h2>
            <div class="table-scroll">
                <table class="permission-table">
                    <thead><tr><th scope="col">"Action"</th>{Role::ALL.iter().map(|r| view! { <th scope="col">{r.label()}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {PERMISSIONS.iter().map(|(p, label, _)| view! {
                            <tr><th scope="row">{*label}</th>{Role::ALL.iter().map(|r| view! { <td>{if r.can(*p) { "✓" } else { "—" }}</td> }).collect_view()}</tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn MemberRow(
    m: MemberView,
    ws_id: String,
    can_manage: bool,
    is_owner: bool,
    change: ServerAction<ChangeMemberRole>,
    remove: ServerAction<RemoveMember>,
    transfer: ServerAction<TransferOwnership>,
) -> impl IntoView {
    let make_owner = (is_owner && !m.is_you && m.role != Role::Owner).then(|| {
        let (ws, user, label) = (ws_id.clone(), m.user_id.clone(), format!(" {}", m.name));
        view! {
            <ActionForm action=transfer attr:class="inline-form">
                <input type="hidden" name="workspace_id" value=ws/>
                <input type="hidden" name="user_id" value=user/>
                <button type="submit" class="button button-ghost">"Make owner"<span class="visually-hidden">{label}</span></button>
            </ActionForm>
        }
    });
    let controls = (can_manage && !m.is_you).then(|| {
        let select_id = format!("role-{}", m.user_id);
        let (ws1, ws2, u1, u2) = (ws_id.clone(), ws_id.clone(), m.user_id.clone(), m.user_id.clone());
        let (role_label, remove_label) = (format!("Role of {}", m.name), format!(" {}", m.name));
        let save_label = format!(" role of {}", m.name);
        let current = m.role;
        view! {
            <div class="row-actions">
                <ActionForm action=change attr:class="inline-form">
                    <input type="hidden" name="workspace_id" value=ws1/>
                    <input type="hidden" name="user_id" value=u1/>
                    <label class="visually-hidden" for=select_id.clone()>{role_label}</label>
                    <select id=select_id name="role">
                        {Role::ALL.into_iter().map(|r| view! { <option value=r.as_str() selected=r == current>{r.label()}</option> }).collect_view()}
                    </select>
                    <button type="submit" class="button button-ghost">"Save"<span class="visually-hidden">{save_label}</span></button>
                </ActionForm>
                <ActionForm action=remove attr:class="inline-form">
                    <input type="hidden" name="workspace_id" value=ws2/>
                    <input type="hidden" name="user_id" value=u2/>
                    <button type="submit" class="button button-ghost">"Remove"<span class="visually-hidden">{remove_label}</span></button>
                </ActionForm>
            </div>
        }
    });
    view! {
        <li class="session-row">
            <div>
                <p class="session-device">{m.name.clone()}{m.is_you.then_some(" (you)")}</p>
                <p class="muted">{format!("{} · {}", m.email, m.role.label())}</p>
            </div>
            {controls}
            {make_owner}
        </li>
    }
}

#[component]
fn InvitationRow(
    inv: InvitationView,
    ws_id: String,
    resend: ServerAction<ResendInvitation>,
    revoke: ServerAction<RevokeInvitation>,
) -> impl IntoView {
    let (ws1, ws2, id1, id2) = (ws_id.clone(), ws_id, inv.id.clone(), inv.id.clone());
    let (resend_label, revoke_label) = (
        format!(" to {}", inv.email),
        format!(" the invitation of {}", inv.email),
    );
    view! {
        <li class="session-row">
            <div>
                <p class="session-device">{inv.email.clone()}</p>
                <p class="muted">{format!("{} · expires {}", inv.role.label(), inv.expires_at.get(..10).unwrap_or_default())}</p>
            </div>
            <div class="row-actions">
                <ActionForm action=resend attr:class="inline-form">
                    <input type="hidden" name="workspace_id" value=ws1/>
                    <input type="hidden" name="id" value=id1/>
                    <button type="submit" class="button button-ghost">"Resend"<span class="visually-hidden">{resend_label}</span></button>
                </ActionForm>
                <ActionForm action=revoke attr:class="inline-form">
                    <input type="hidden" name="workspace_id" value=ws2/>
                    <input type="hidden" name="id" value=id2/>
                    <button type="submit" class="button button-ghost">"Revoke"<span class="visually-hidden">{revoke_label}</span></button>
                </ActionForm>
            </div>
        </li>
    }
}

/// Leaving asks once more before it happens.
#[component]
fn LeaveCard(workspace_id: String, leave: ServerAction<LeaveWorkspace>) -> impl IntoView {
    let id = StoredValue::new(workspace_id);
    let confirming = RwSignal::new(false);
    view! {
        <section class="card settings-section" aria-labelledby="leave-heading">
            <h2 id="leave-heading">"Leave this workspace"</h2>
            <p class="muted">"You lose access until someone invites you again. The last owner has to transfer ownership first."</p>
            <Show
                when=move || confirming.get()
                fallback=move || view! { <button type="button" class="button button-danger" on:click=move |_| confirming.set(true)>"Leave workspace"</button> }
            >
                <ActionForm action=leave attr:class="confirm-row">
                    <input type="hidden" name="workspace_id" value=move || id.get_value()/>
                    <p role="alert">"Leave this workspace now?"</p>
                    <button type="submit" class="button button-danger">"Yes, leave"</button>
                    <button type="button" class="button button-ghost" on:click=move |_| confirming.set(false)>"Cancel"</button>
                </ActionForm>
            </Show>
        </section>
    }
}
