//! A local name server that speaks DNS over UDP, answering from maps the test fills: TXT
//! records, CNAMEs and A records. The app reaches it through `DNS_RESOLVER`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// TXT records: name without the final dot → records, each its strings.
pub type Zone = Arc<Mutex<HashMap<String, Vec<Vec<String>>>>>;
/// CNAMEs (name → target) or A records (name → dotted IPv4).
pub type Names = Arc<Mutex<HashMap<String, String>>>;

/// A name server answering TXT questions from `zone` only.
pub async fn name_server(zone: Zone) -> std::net::SocketAddr {
    name_server_with(zone, Names::default(), Names::default()).await
}

fn encode_name(name: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for label in name.trim_end_matches('.').split('.') {
        out.push(label.len() as u8);
        out.extend(label.bytes());
    }
    out.push(0);
    out
}

/// A name server answering TXT from `zone`, CNAME from `cnames` and A from `addresses`.
pub async fn name_server_with(zone: Zone, cnames: Names, addresses: Names) -> std::net::SocketAddr {
    let socket = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
    let addr = socket.local_addr().unwrap();
    tokio::spawn(async move {
        let mut buf = [0u8; 512];
        while let Ok((n, from)) = socket.recv_from(&mut buf).await {
            let q = &buf[..n];
            // The question: labels from byte 12, then type and class.
            let (mut at, mut labels) = (12, Vec::new());
            while at < n && q[at] != 0 {
                let len = q[at] as usize;
                labels.push(String::from_utf8_lossy(&q[at + 1..at + 1 + len]).to_lowercase());
                at += 1 + len;
            }
            let question_end = at + 5;
            let qtype = u16::from_be_bytes([q[at + 1], q[at + 2]]);
            let name = labels.join(".");
            // Each answer: its type and its data.
            let answers: Vec<(u16, Vec<u8>)> = match qtype {
                16 => zone
                    .lock()
                    .unwrap()
                    .get(&name)
                    .cloned()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|strings| {
                        let rdata = strings
                            .iter()
                            .flat_map(|s| {
                                std::iter::once(s.len() as u8).chain(s.bytes().collect::<Vec<_>>())
                            })
                            .collect();
                        (16, rdata)
                    })
                    .collect(),
                5 => cnames
                    .lock()
                    .unwrap()
                    .get(&name)
                    .map(|t| vec![(5, encode_name(t))])
                    .unwrap_or_default(),
                1 => addresses
                    .lock()
                    .unwrap()
                    .get(&name)
                    .and_then(|ip| ip.parse::<std::net::Ipv4Addr>().ok())
                    .map(|ip| vec![(1, ip.octets().to_vec())])
                    .unwrap_or_default(),
                _ => Vec::new(),
            };
            let mut out = q[..2].to_vec(); // id
            out.extend([0x81, 0x80, 0, 1]); // a response, recursion available; one question
            out.extend((answers.len() as u16).to_be_bytes());
            out.extend([0, 0, 0, 0]);
            out.extend(&q[12..question_end]);
            for (kind, rdata) in answers {
                out.extend([0xc0, 12]); // the question's name
                out.extend(kind.to_be_bytes());
                out.extend([0, 1, 0, 0, 0, 60]); // IN, ttl
                out.extend((rdata.len() as u16).to_be_bytes());
                out.extend(rdata);
            }
            let _ = socket.send_to(&out, from).await;
        }
    });
    addr
}
