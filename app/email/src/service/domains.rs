//! A workspace's sending domain: it adds `example.com` and a From address there, is shown the
//! SPF, DKIM and DMARC records to publish, and the app checks them in DNS. Once all three are
//! there, campaigns go From that address, DKIM-signed; before, from the platform's address with
//! replies to the workspace's.

use super::{domain_keys, rfc3339};
use crate::model::{domain_problem, DnsRecordView, DomainPage, DomainView};
use app_core::error::{AppError, FieldMessages};
use lettre::message::dkim::{
    DkimCanonicalization, DkimCanonicalizationType, DkimConfig, DkimSigningAlgorithm,
    DkimSigningKey,
};
use lettre::message::header::HeaderName;
use lettre::message::Mailbox;
use mongodb::bson::{doc, DateTime};
use platform::dns;
use platform::mailer::Sender;
use platform::AppState;
use serde::{Deserialize, Serialize};
use workspaces::model::Permission;
use workspaces::WorkspaceScope;

/// Collection name: one document per workspace (`_id` is the workspace id).
pub const DOMAINS: &str = "email_domains";

/// The DKIM selector: the name under `_domainkey` the public key is published at.
pub const SELECTOR: &str = "mewayz";

/// A stored sending domain.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Domain {
    #[serde(rename = "_id")]
    workspace_id: String,
    domain: String,
    from_address: String,
    from_name: String,
    /// The DKIM private key, sealed (see [`domain_keys::seal`]).
    dkim_key: String,
    /// Base64 DER public key, as the DKIM record holds it.
    dkim_public: String,
    /// Which records the last check found: SPF, DKIM, DMARC.
    found: [bool; 3],
    checked_at: Option<DateTime>,
}

fn coll(state: &AppState) -> mongodb::Collection<Domain> {
    state.db.collection(DOMAINS)
}

impl Domain {
    fn verified(&self) -> bool {
        self.found.iter().all(|f| *f)
    }

    /// The records to publish: name, value, and what a found record must contain.
    fn records(&self, state: &AppState) -> [(&'static str, String, String); 3] {
        let spf = match &state.config.email.spf_include {
            Some(include) => format!("v=spf1 include:{include} ~all"),
            None => "v=spf1 include:<your mail provider> ~all".into(),
        };
        [
            ("SPF", self.domain.clone(), spf),
            (
                "DKIM",
                format!("{SELECTOR}._domainkey.{}", self.domain),
                format!("v=DKIM1; k=rsa; p={}", self.dkim_public),
            ),
            (
                "DMARC",
                format!("_dmarc.{}", self.domain),
                format!("v=DMARC1; p=none; rua=mailto:{}", self.from_address),
            ),
        ]
    }

    fn view(&self, state: &AppState) -> DomainView {
        DomainView {
            domain: self.domain.clone(),
            from_address: self.from_address.clone(),
            from_name: self.from_name.clone(),
            records: self
                .records(state)
                .into_iter()
                .zip(self.found)
                .map(|((purpose, host, value), found)| DnsRecordView {
                    purpose: purpose.into(),
                    kind: "TXT".into(),
                    host,
                    value,
                    found,
                })
                .collect(),
            verified: self.verified(),
            checked_at: self.checked_at.map(rfc3339).unwrap_or_default(),
        }
    }
}

/// The workspace's sending domain screen.
pub async fn page(state: &AppState, scope: &WorkspaceScope) -> Result<DomainPage, AppError> {
    let found = coll(state)
        .find_one(doc! { "_id": scope.workspace_id() })
        .await?;
    Ok(DomainPage {
        domain: found.map(|d| d.view(state)),
        can_edit: scope.role().can(Permission::ManageSettings),
        platform_from: state.config.mail_from.clone(),
    })
}

/// Sets the workspace's domain and From; a new domain gets a new key and is checked afresh.
pub async fn save(
    state: &AppState,
    scope: &WorkspaceScope,
    domain: &str,
    from_address: &str,
    from_name: &str,
) -> Result<DomainPage, AppError> {
    let domain = domain.trim().trim_end_matches('.').to_lowercase();
    let from_address = identity::model::normalize_email(from_address);
    let mut fields = FieldMessages::new();
    if let Some(p) = domain_problem(&domain) {
        fields.insert("domain".into(), vec![p.into()]);
    } else if identity::model::email_problem(&from_address).is_some()
        || !from_address.ends_with(&format!("@{domain}"))
    {
        fields.insert(
            "from_address".into(),
            vec![format!("Give an address at {domain}, like news@{domain}.")],
        );
    }
    if from_name.trim().is_empty() || from_name.chars().count() > 80 {
        fields.insert(
            "from_name".into(),
            vec!["Give a name of up to 80 characters.".into()],
        );
    }
    if !fields.is_empty() {
        return Err(AppError::Validation { fields });
    }
    let existing = coll(state)
        .find_one(doc! { "_id": scope.workspace_id() })
        .await?;
    let d = match existing.filter(|d| d.domain == domain) {
        Some(mut d) => {
            d.from_address = from_address;
            d.from_name = from_name.trim().to_owned();
            d
        }
        None => {
            let (private, public) = domain_keys::generate().await?;
            Domain {
                workspace_id: scope.workspace_id().to_owned(),
                domain,
                from_address,
                from_name: from_name.trim().to_owned(),
                dkim_key: domain_keys::seal(state, &private)?,
                dkim_public: public,
                found: [false; 3],
                checked_at: None,
            }
        }
    };
    coll(state)
        .replace_one(doc! { "_id": scope.workspace_id() }, &d)
        .upsert(true)
        .await?;
    page(state, scope).await
}

/// Looks the domain's records up in DNS and keeps what was found.
pub async fn check(state: &AppState, scope: &WorkspaceScope) -> Result<DomainPage, AppError> {
    let Some(mut d) = coll(state)
        .find_one(doc! { "_id": scope.workspace_id() })
        .await?
    else {
        return Err(AppError::invalid("domain", "Add a domain first."));
    };
    let [(_, spf_host, _), (_, dkim_host, _), (_, dmarc_host, _)] = d.records(state);
    let spf = dns::txt(state, &spf_host).await?;
    let include = state
        .config
        .email
        .spf_include
        .as_ref()
        .map(|i| format!("include:{i}"));
    d.found[0] = spf.iter().any(|r| {
        r.starts_with("v=spf1")
            && include
                .as_ref()
                .is_none_or(|i| r.split(' ').any(|p| p == i))
    });
    let key = format!("p={}", d.dkim_public);
    d.found[1] = dns::txt(state, &dkim_host)
        .await?
        .iter()
        .any(|r| r.split(';').any(|p| p.trim() == key));
    d.found[2] = dns::txt(state, &dmarc_host)
        .await?
        .iter()
        .any(|r| r.starts_with("v=DMARC1"));
    d.checked_at = Some(state.clock.now());
    coll(state)
        .update_one(
            doc! { "_id": scope.workspace_id(), "domain": &d.domain },
            doc! { "$set": { "found": d.found.to_vec(), "checked_at": d.checked_at } },
        )
        .await?;
    page(state, scope).await
}

/// Removes the sending domain (campaigns go from the platform's address again).
pub async fn remove(state: &AppState, scope: &WorkspaceScope) -> Result<(), AppError> {
    coll(state)
        .delete_one(doc! { "_id": scope.workspace_id() })
        .await?;
    Ok(())
}

/// Who workspace `workspace_id`'s campaigns are from: its verified domain, DKIM-signed; else
/// the platform with replies to its From address; else the platform.
pub async fn sender(state: &AppState, workspace_id: &str) -> Result<Sender, AppError> {
    let Some(d) = coll(state).find_one(doc! { "_id": workspace_id }).await? else {
        return Ok(Sender::default());
    };
    let mailbox = Mailbox::new(
        Some(d.from_name.clone()),
        d.from_address.parse().map_err(|_| AppError::Internal)?,
    );
    if !d.verified() {
        return Ok(Sender {
            reply_to: Some(mailbox),
            ..Sender::default()
        });
    }
    let pem = domain_keys::open(state, &d.dkim_key)?;
    let key = DkimSigningKey::new(&pem, DkimSigningAlgorithm::Rsa).map_err(|e| {
        tracing::error!(error = ?e, "DKIM key unreadable");
        AppError::Internal
    })?;
    let headers = [
        "From",
        "Subject",
        "To",
        "Date",
        "List-Unsubscribe",
        "List-Unsubscribe-Post",
    ]
    .into_iter()
    .map(HeaderName::new_from_ascii_str)
    .collect();
    let relaxed = DkimCanonicalization {
        header: DkimCanonicalizationType::Relaxed,
        body: DkimCanonicalizationType::Relaxed,
    };
    Ok(Sender {
        from: Some(mailbox),
        reply_to: None,
        dkim: Some(DkimConfig::new(
            SELECTOR.into(),
            d.domain,
            key,
            headers,
            relaxed,
        )),
    })
}
