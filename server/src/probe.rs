//! A minimal HTTP/1.0 GET, enough for the container's HEALTHCHECK (the runtime image has no
//! curl) and for tests that talk to a spawned server.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// The status code and body of `GET path` on `addr`.
pub fn get(addr: SocketAddr, path: &str, timeout: Duration) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect_timeout(&addr, timeout)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    write!(
        stream,
        "GET {path} HTTP/1.0\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw);
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other("not an HTTP response"))?;
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    Ok((status, body))
}

/// `server healthcheck`: exit status 0 when `/healthz` on this container answers 200.
pub fn healthcheck() -> std::process::ExitCode {
    let addr = std::env::var("LEPTOS_SITE_ADDR").unwrap_or_else(|_| "127.0.0.1:3000".into());
    let Ok(mut addr) = addr.parse::<SocketAddr>() else {
        eprintln!("healthcheck: LEPTOS_SITE_ADDR is not an address: {addr}");
        return std::process::ExitCode::FAILURE;
    };
    if addr.ip().is_unspecified() {
        addr.set_ip([127, 0, 0, 1].into());
    }
    match get(addr, "/healthz", Duration::from_secs(2)) {
        Ok((200, _)) => std::process::ExitCode::SUCCESS,
        Ok((status, _)) => {
            eprintln!("healthcheck: /healthz answered {status}");
            std::process::ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("healthcheck: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
