//! TXT lookups for sending-domain checks, through the configured name server (`DNS_RESOLVER`)
//! or the system's.

use app_core::error::AppError;
use hickory_resolver::config::{ConnectionConfig, NameServerConfig, ResolverConfig};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::proto::rr::{RData, RecordType};
use hickory_resolver::{Resolver, TokioResolver};
use platform::AppState;

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

/// The TXT records at `name` (each record's strings joined), none when it has none.
pub async fn txt(state: &AppState, name: &str) -> Result<Vec<String>, AppError> {
    let resolver = resolver(state)?;
    let fqdn = format!("{}.", name.trim_end_matches('.'));
    let Ok(found) = resolver.lookup(fqdn.as_str(), RecordType::TXT).await else {
        // No such name, no records, or a server that did not answer: the record is not there.
        return Ok(Vec::new());
    };
    Ok(found
        .answers()
        .iter()
        .filter_map(|r| match &r.data {
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
