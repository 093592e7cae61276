//! DNS lookups for checks of records people publish (sending domains, site domains), through
//! the configured name server (`DNS_RESOLVER`) or the system's.

use crate::AppState;
use app_core::error::AppError;
use hickory_resolver::config::{ConnectionConfig, NameServerConfig, ResolverConfig};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::proto::rr::{RData, RecordType};
use hickory_resolver::{Resolver, TokioResolver};

fn resolver(state: &AppState) -> Result<TokioResolver, AppError> {
    let failed = |e: hickory_resolver::net::NetError| {
        tracing::warn!(error = %e, "DNS resolver could not start");
        AppError::Unavailable {
            service: "DNS".into(),
        }
    };
    match state.config.email.dns_resolver {
        Some(addr) => {
            let mut udp = ConnectionConfig::udp();
            udp.port = addr.port();
            let server = NameServerConfig::new(addr.ip(), true, vec![udp]);
            Resolver::builder_with_config(
                ResolverConfig::from_name_servers(vec![server]),
                TokioRuntimeProvider::default(),
            )
            .build()
            .map_err(failed)
        }
        None => Resolver::builder_tokio()
            .and_then(|b| b.build())
            .map_err(failed),
    }
}

async fn lookup(state: &AppState, name: &str, kind: RecordType) -> Result<Vec<RData>, AppError> {
    let resolver = resolver(state)?;
    let fqdn = format!("{}.", name.trim_end_matches('.'));
    // No such name, no records, or a server that did not answer: the record is not there.
    Ok(match resolver.lookup(fqdn.as_str(), kind).await {
        Ok(found) => found.answers().iter().map(|r| r.data.clone()).collect(),
        Err(_) => Vec::new(),
    })
}

/// The TXT records at `name` (each record's strings joined), none when it has none.
pub async fn txt(state: &AppState, name: &str) -> Result<Vec<String>, AppError> {
    Ok(lookup(state, name, RecordType::TXT)
        .await?
        .into_iter()
        .filter_map(|r| match r {
            RData::TXT(t) => Some(
                t.txt_data
                    .iter()
                    .map(|part| String::from_utf8_lossy(part).into_owned())
                    .collect::<String>(),
            ),
            _ => None,
        })
        .collect())
}

/// The name `name` is an alias of (its CNAME, lowercased, without the final dot), if any.
pub async fn cname(state: &AppState, name: &str) -> Result<Option<String>, AppError> {
    Ok(lookup(state, name, RecordType::CNAME)
        .await?
        .into_iter()
        .find_map(|r| match r {
            RData::CNAME(c) => Some(c.0.to_ascii().trim_end_matches('.').to_ascii_lowercase()),
            _ => None,
        }))
}

/// The IPv4 addresses of `name`.
pub async fn ipv4(state: &AppState, name: &str) -> Result<Vec<std::net::Ipv4Addr>, AppError> {
    Ok(lookup(state, name, RecordType::A)
        .await?
        .into_iter()
        .filter_map(|r| match r {
            RData::A(a) => Some(a.0),
            _ => None,
        })
        .collect())
}
