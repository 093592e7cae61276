#!/usr/bin/env bash
# `make bench`: the public bio page against nginx serving the same HTML as a static file, in one
# run on this machine, so the ratio means something wherever it runs. Builds release, seeds a page
# with a header and ten links, loads both with wrk, and prints requests per second, the ratio, the
# page's compressed size and what the dashboard downloads first (compressed JS + WASM); the same
# for a published site page from a template, with its Lighthouse mobile LCP, CLS and TBT. Then it
# sends a campaign to 10,000 subscribers through a local SMTP sink: messages a second and memory.
# BENCH_NO_BUILD=1 measures the last release build again.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh" bench

DURATION=${BENCH_SECONDS:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
UA="Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"

run_dir=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$run_dir"
}
trap cleanup EXIT INT TERM

if [ -z "${BENCH_NO_BUILD:-}" ]; then
  say "building release"
  release_build
else
  say "measuring the last release build (BENCH_NO_BUILD is set)"
fi

db_port=$(free_port)
app_port=$(free_port)
nginx_port=$(free_port)
db_pid=$(start_database "$db_port" :memory: "$run_dir/db.log")
pids+=("$db_pid")
# Campaign mail goes to a local SMTP sink that counts what it receives.
sink_port=$(free_port)
python3 "$ROOT/scripts/smtp_sink.py" "$sink_port" "$run_dir/sink.count" reader,killed 2>"$run_dir/sink.log" &
sink_pid=$!
pids+=("$sink_pid")
wait_for_port "$sink_port" 10
app_secret="$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')"
# Starts the release server (again after the kill below, with the same secret and database).
start_app() {
  (
    leptos_build_env
    export APP_ENV=production LEPTOS_SITE_ADDR="127.0.0.1:$app_port" RUST_LOG="${RUST_LOG:-warn}" MEDIA_DIR="$run_dir/media"
    export MONGODB_URI="mongodb://127.0.0.1:$db_port/?directConnection=true" MONGODB_DB=bench
    export APP_SECRET="$app_secret" APP_BASE_URL="http://127.0.0.1:$app_port"
    # wrk plays many visitors behind one proxy (see visitors.lua), as production runs behind one.
    export AUTH_RATE_LIMIT_PER_MINUTE=1000 TRUSTED_PROXY_HOPS=1 SMTP_URL="smtp://127.0.0.1:$sink_port"
    exec "$CARGO_TARGET_DIR/release/server"
  ) >>"$run_dir/server.log" 2>&1 &
  app_pid=$!
  pids+=("$app_pid")
  wait_for_port "$app_port" 30 || { cat "$run_dir/server.log" >&2; exit 1; }
}
start_app
base="http://127.0.0.1:$app_port"
for _ in $(seq 50); do curl -sf "$base/readyz" >/dev/null && break; sleep 0.2; done

say "seeding a page with a header and ten links"
handle=bench
PYTHONPATH="$ROOT/scripts" python3 - "$base" "$handle" "$run_dir" <<'PY'
import json, sys
from bench_client import session
base, handle, run_dir = sys.argv[1], sys.argv[2], sys.argv[3]
jar, web, call = session(base, run_dir, fresh=True)
call("register", name="Bench Mark", email="bench@example.com", password="a perfectly long passphrase")
call("create_workspace", name="Bench Studio", handle=handle, time_zone="UTC", currency="USD")
ws = call("get_workspace", handle=handle)["id"]
page = call("get_bio_page", workspace_id=ws, slug="")
blocks = [{"id": "head", "on": True, "kind": {"type": "header", "name": "Bench Studio",
           "bio": "Photographer and writer. Prints, workshops and a weekly letter.", "avatar_url": ""}}]
for i in range(10):
    blocks.append({"id": f"link{i}", "on": True, "kind": {"type": "link", "title": f"Link number {i + 1}: something worth a click",
                   "url": f"https://example.com/{i}", "thumbnail_url": "", "starts_at": None, "ends_at": None, "sensitive": False}})
content = json.dumps({"blocks": blocks, "theme": page["draft"]["theme"]})
call("save_bio_draft", workspace_id=ws, page_id=page["id"], revision=str(page["revision"]), content=content)
call("publish_bio_page", workspace_id=ws, page_id=page["id"])
jar.save(ignore_discard=True, ignore_expires=True)
json.dump({"workspace_id": ws, "page_id": page["id"]}, open(f"{run_dir}/page.json", "w"))
PY

say "publishing a site from the coach template"
PYTHONPATH="$ROOT/scripts" python3 - "$base" "$run_dir" <<'PY'
import sys
from bench_client import session
base, run_dir = sys.argv[1], sys.argv[2]
jar, web, call = session(base, run_dir)
call("create_workspace", name="Bench Coaching", handle="bench-coaching", time_zone="UTC", currency="USD")
ws = call("get_workspace", handle="bench-coaching")["id"]
site = call("create_site", workspace_id=ws, name="Bench Coaching", slug="bench-site", template="coach")
call("publish_site", workspace_id=ws, id=site["id"])
PY

say "measuring what the dashboard downloads first"
# The JS and WASM its HTML names (the app, its split loader and the chunks of the page on screen),
# as a browser that accepts brotli gets them.
read -r first_bytes first_files < <(PYTHONPATH="$ROOT/scripts" python3 - "$base" "$run_dir" "$handle" <<'PY'
import re, sys, urllib.request
from bench_client import session
base, run_dir, handle = sys.argv[1:4]
jar, web, call = session(base, run_dir)
html = web.open(f"{base}/app/{handle}").read().decode()
todo = set(re.findall(r'(/pkg/[^"\'\s]+\.(?:js|wasm))', html))
urls, total = set(), 0
# The JS modules import others (the split loader) before anything runs: those count too.
while todo:
    url = todo.pop()
    urls.add(url)
    body = web.open(urllib.request.Request(base + url, headers={"accept-encoding": "br"})).read()
    total += len(body)
    if url.endswith(".js"):
        plain = web.open(base + url).read().decode()
        todo |= {"/pkg/" + m for m in re.findall(r'from\s*"\./([^"]+\.js)"', plain)} - urls
print(total, len(urls))
PY
)

page_url="$base/@$handle"
curl -sf -A "$UA" "$page_url" -o "$run_dir/index.html"
raw=$(wc -c <"$run_dir/index.html")
gzip_size=$(curl -sf -A "$UA" -H 'Accept-Encoding: gzip' "$page_url" | wc -c)
br_size=$(curl -sf -A "$UA" -H 'Accept-Encoding: br' "$page_url" | wc -c)
site_url="$base/s/bench-site"
curl -sf -A "$UA" "$site_url" -o "$run_dir/site.html"
site_raw=$(wc -c <"$run_dir/site.html")
site_br=$(curl -sf -A "$UA" -H 'Accept-Encoding: br' "$site_url" | wc -c)

cat >"$run_dir/nginx.conf" <<CONF
worker_processes 2;
pid $run_dir/nginx.pid;
error_log $run_dir/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $run_dir;
  proxy_temp_path $run_dir;
  fastcgi_temp_path $run_dir;
  uwsgi_temp_path $run_dir;
  scgi_temp_path $run_dir;
  types { text/html html; }
  server {
    listen 127.0.0.1:$nginx_port;
    root $run_dir;
    location / { try_files /index.html =404; }
    location = /site { try_files /site.html =404; }
  }
}
CONF
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
"$nginx_bin" -c "$run_dir/nginx.conf" -g 'daemon off;' &
pids+=("$!")
wait_for_port "$nginx_port" 10

# Each request comes from one of 20,480 visitors, as a proxy in front would say: views are counted
# per visitor and workspace (at most 60 a minute each), so one address hammering the page would
# measure the flood guard, not the page. At 56,000 requests a second a visitor averages 27 in the
# run, far from 60 (with 10,240 the busiest few, chosen at random, passed 60 once the page served
# 39,000 a second, and their views were rightly not counted; 15,360 averaged 36 at 56,000, with
# the busiest near 60); more visitors would measure their first-visit writes instead. The site is
# in a workspace of its own: in one, the bio load and the site load often fell in the same minute
# and most visitors passed 60 there. Each wrk thread seeds
# its own random numbers (one seed made both threads send the same visitor at once, doubling
# the busiest ones past the limit).
# (Added to wrk.headers: a header table given to wrk.format would replace the User-Agent, and a
# request without one counts as a bot.)
cat >"$run_dir/visitors.lua" <<'LUA'
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
function init(args)
  math.randomseed(os.time() * 100 + id)
end
request = function()
  wrk.headers["X-Forwarded-For"] =
    string.format("10.%d.%d.%d", math.random(0, 39), math.random(0, 31), math.random(1, 16))
  return wrk.format()
end
LUA
load() { wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$run_dir/visitors.lua" -H "User-Agent: $UA" "$1"; }
rps() { awk '/Requests\/sec/ { print $2 }' "$1"; }
say "loading nginx (static file) for ${DURATION}s"
load "http://127.0.0.1:$nginx_port/" >"$run_dir/nginx.out"
nginx_rps=$(rps "$run_dir/nginx.out")
# The server's memory and the CPU time it and the database spend under the load.
rss_mb() { ps -o rss= -p "$1" | awk '{ printf "%.0f", $1 / 1024 }'; }
cpu_s() { ps -o times= -p "$1" | tr -d ' '; }
rss_idle=$(rss_mb "$app_pid")
app_cpu0=$(cpu_s "$app_pid")
db_cpu0=$(cpu_s "$db_pid")
say "loading the app (/@$handle, each request renders and records a view) for ${DURATION}s"
load "$page_url" >"$run_dir/app.out"
rss_end=$(rss_mb "$app_pid")
app_cpu=$(( $(cpu_s "$app_pid") - app_cpu0 ))
db_cpu=$(( $(cpu_s "$db_pid") - db_cpu0 ))
app_rps=$(rps "$run_dir/app.out")
requests=$(awk '/requests in/ { print $1 }' "$run_dir/app.out")
# What the app recorded, read back through the analytics API as the owner sees it, once the
# event buffer has been written and rolled up: the count stops moving.
say "waiting for the views to arrive in analytics"
read -r recorded settle_s < <(PYTHONPATH="$ROOT/scripts" python3 - "$base" "$run_dir" "$requests" <<'PY'
import datetime, json, sys, time
from bench_client import session
base, run_dir, requests = sys.argv[1], sys.argv[2], int(sys.argv[3])
jar, web, call = session(base, run_dir)
ids = json.load(open(f"{run_dir}/page.json"))
today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
def views():
    return call("get_bio_stats", **ids, **{"from": today, "to": today})["views"]
start, last, still = time.time(), -1, 0
while time.time() - start < 300:
    n = views()
    still = still + 1 if n == last else 0
    last = n
    if n >= requests or (n > 0 and still >= 30):
        break
    time.sleep(1)
print(last, round(time.time() - start))
PY
)

say "loading nginx (the site page as a static file) for ${DURATION}s"
load "http://127.0.0.1:$nginx_port/site" >"$run_dir/nginx-site.out"
nginx_site_rps=$(rps "$run_dir/nginx-site.out")
say "loading the app (/s/bench-site, each request renders from cache and records a view) for ${DURATION}s"
load "$site_url" >"$run_dir/site.out"
site_rps=$(rps "$run_dir/site.out")
say "running Lighthouse (mobile) five times on the site page in the local Chromium"
# Each metric's median of five runs, as Lighthouse advises: one run on a busy two-core machine
# can catch Chromium's own work in its main thread. The page's one task of parsing, style and
# layout (15–21 ms here, 55–85 ms in the simulated 4x slower phone) ends before the first paint;
# while public pages sent `Cross-Origin-Opener-Policy: same-origin`, each run also started a
# renderer process for the page, a 60–150 ms simulated task across the first paint (README).
# A run that fails to record its trace (Lighthouse's NO_NAVSTART, now and then) is run again once.
lighthouse() {
  CHROME_PATH=$(command -v chromium) "$TOOLS/node/node_modules/.bin/lighthouse" "$site_url" --quiet \
    --only-categories=performance --output=json --output-path="$run_dir/lighthouse$1.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>"$run_dir/lighthouse.log"
}
for i in 1 2 3 4 5; do
  lighthouse "$i" || lighthouse "$i" || { cat "$run_dir/lighthouse.log" >&2; exit 1; }
done
# Kept for a look at what took the time (their "long-tasks" and "mainthread-work-breakdown").
cp "$run_dir"/lighthouse?.json "${TMPDIR:-/tmp}/"
# Blocking time is also split: the page's own share of it (its long tasks, attributed to its
# address, counted as Lighthouse counts TBT: the part between first paint and interactive, past
# 50 ms) against the rest, which on this machine is Chromium and Lighthouse themselves
# ("Unattributable").
read -r lcp_ms cls tbt_ms own_ms < <(python3 - "$run_dir"/lighthouse?.json <<'PY'
import json, statistics, sys
runs = [json.load(open(f))["audits"] for f in sys.argv[1:]]
med = lambda key: statistics.median(r[key]["numericValue"] for r in runs)
def own(r):
    fcp = r["first-contentful-paint"]["numericValue"]
    tti = r["interactive"]["numericValue"]
    tasks = r.get("long-tasks", {}).get("details", {}).get("items", [])
    spans = [(max(t["startTime"], fcp), min(t["startTime"] + t["duration"], tti))
             for t in tasks if "/s/" in t.get("url", "")]
    return sum(max(0, end - start - 50) for start, end in spans)
print(round(med("largest-contentful-paint")), round(med("cumulative-layout-shift"), 3),
      round(med("total-blocking-time")), round(statistics.median(own(r) for r in runs)))
PY
)

# A campaign to 10,000 subscribers (stored straight into the database: their signups are not
# what is measured), sent to the sink: messages a second from Send to "sent", and the server's
# memory at its highest meanwhile.
say "sending a campaign to 10,000 subscribers"
# Where the CPU goes while it sends: the server, the database and the sink share two cores.
send_cpu0="$(cpu_s "$app_pid") $(cpu_s "$db_pid") $(cpu_s "$sink_pid")"
read -r campaign_s campaign_rate rss_before rss_peak < <(PYTHONPATH="$ROOT/scripts" "$TOOLS/venv/bin/python3" - "$base" "$run_dir" "$db_port" "$app_pid" <<'PY'
import json, sys, time
from bench_client import session, subscribe, unlimited_emails
base, run_dir, db_port, app_pid = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
jar, web, call = session(base, run_dir)
ws = json.load(open(f"{run_dir}/page.json"))["workspace_id"]
lst = call("save_email_list", workspace_id=ws, name="Bench letter")["id"]
subscribe(db_port, ws, lst, "reader", 10_000)
# A plan that allows the 20,000 emails of this and the next phase (the free one allows 1,000).
unlimited_emails(db_port)
cid = call("save_email_campaign", workspace_id=ws, list_id=lst, subject="Hello {{first_name|friend}}",
           preview="This week")["id"]
blocks = [{"id": "b0", "kind": {"type": "heading", "text": "Workshop news"}},
          {"id": "b1", "kind": {"type": "text", "text": "Dear {{first_name|reader}},\n\nThe workshop opens on [Monday](https://example.com/w)."}},
          {"id": "b2", "kind": {"type": "button", "label": "Book a seat", "url": "https://example.com/w"}},
          {"id": "b3", "kind": {"type": "footer", "address": "1 Harbour Street, Leith"}}]
call("save_email_blocks", workspace_id=ws, id=cid, blocks=json.dumps(blocks))
def rss():
    with open(f"/proc/{app_pid}/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmRSS")) // 1024
before = peak = rss()
start = time.time()
call("control_email_campaign", workspace_id=ws, id=cid, action="send")
while time.time() - start < 300:
    peak = max(peak, rss())
    c = call("get_email_campaign", workspace_id=ws, id=cid)
    if c["status"] != "sending":
        break
    time.sleep(0.2)
took = time.time() - start
print(round(took, 1), round(c["sent"] / took), before, peak)
PY
)
read -r app_c0 db_c0 sink_c0 <<<"$send_cpu0"
send_cpu="server $(( $(cpu_s "$app_pid") - app_c0 ))s, database $(( $(cpu_s "$db_pid") - db_c0 ))s, sink $(( $(cpu_s "$sink_pid") - sink_c0 ))s"
# Another 10,000, and the server is killed (SIGKILL) part way: once restarted, the send job runs
# again when its lease expires (a minute) and resumes after the last saved batch.
say "sending to 10,000 more and killing the server mid-send"
kill_py() {
  PYTHONPATH="$ROOT/scripts" "$TOOLS/venv/bin/python3" - "$base" "$run_dir" "$db_port" "$1" <<'PY'
import json, sys, time
from bench_client import session, subscribe
base, run_dir, db_port, phase = sys.argv[1:5]
jar, web, call = session(base, run_dir)
ws = json.load(open(f"{run_dir}/page.json"))["workspace_id"]
if phase == "start":
    lst = call("save_email_list", workspace_id=ws, name="Killed letter")["id"]
    subscribe(db_port, ws, lst, "killed", 10_000)
    cid = call("save_email_campaign", workspace_id=ws, list_id=lst, subject="Before the kill")["id"]
    blocks = [{"id": "b0", "kind": {"type": "text", "text": "Dear {{first_name|reader}}, see [this](https://example.com/k)."}},
              {"id": "b1", "kind": {"type": "footer", "address": "1 Harbour Street, Leith"}}]
    call("save_email_blocks", workspace_id=ws, id=cid, blocks=json.dumps(blocks))
    json.dump({"campaign": cid}, open(f"{run_dir}/kill.json", "w"))
    call("control_email_campaign", workspace_id=ws, id=cid, action="send")
    c = {"sent": 0}
    while c["sent"] < 3000:
        time.sleep(0.05)
        c = call("get_email_campaign", workspace_id=ws, id=cid)
    print(c["sent"])
else:
    cid = json.load(open(f"{run_dir}/kill.json"))["campaign"]
    start = time.time()
    while time.time() - start < 300:
        c = call("get_email_campaign", workspace_id=ws, id=cid)
        if c["status"] != "sending":
            break
        time.sleep(0.5)
    print(c["status"], c["sent"], round(time.time() - start))
PY
}
killed_after=$(kill_py start)
kill -9 "$app_pid"
wait "$app_pid" 2>/dev/null || true
start_app
read -r kill_status kill_sent kill_wait < <(kill_py finish)

kill "$sink_pid"
wait "$sink_pid" 2>/dev/null || true
read -r _ sunk sunk_distinct _ < <(grep '^reader ' "$run_dir/sink.count" 2>/dev/null || echo "reader 0 0 0")
read -r _ k_sunk k_distinct k_twice < <(grep '^killed ' "$run_dir/sink.count" 2>/dev/null || echo "killed 0 0 0")

ratio=$(python3 -c "print(f'{$app_rps / $nginx_rps:.3f}')")
printf '\n%-34s %12s\n' "" "requests/s"
printf '%-34s %12s\n' "nginx, same HTML as a static file" "$nginx_rps"
printf '%-34s %12s\n' "Mewayz /@handle (release)" "$app_rps"
printf '%-34s %12s\n' "ratio (app / nginx)" "$ratio"
site_ratio=$(python3 -c "print(f'{$site_rps / $nginx_site_rps:.3f}')")
printf '%-34s %12s\n' "nginx, the site page as a file" "$nginx_site_rps"
printf '%-34s %12s\n' "Mewayz /s/<site> (coach template)" "$site_rps"
printf '%-34s %12s\n' "ratio (site / nginx)" "$site_ratio"
printf '\nsite page: %s bytes raw, %s brotli; Lighthouse mobile (median of 5): LCP %s ms (target 1000), CLS %s (target 0.05), TBT %s ms (target 0; the page'"'"'s own long tasks: %s ms)\n' \
  "$site_raw" "$site_br" "$lcp_ms" "$cls" "$tbt_ms" "$own_ms"
printf '\npage: %s bytes raw, %s gzip, %s brotli (budget: 14336 compressed)\n' "$raw" "$gzip_size" "$br_size"
printf 'dashboard first download: %s bytes compressed JS + WASM in %s files (budget: 256000)\n' "$first_bytes" "$first_files"
printf 'machine: %s cores, %s connections, %ss each, database: SecantusDB in memory\n' "$(nproc)" "$CONNECTIONS" "$DURATION"
printf 'server memory: %s MB idle, %s MB at the end of the load; CPU during it: server %ss, database %ss\n' "$rss_idle" "$rss_end" "$app_cpu" "$db_cpu"
printf 'views recorded: %s of %s requests, in analytics %ss after the load (20,480 visitors, at most 60 counted a minute each)\n' "$recorded" "$requests" "$settle_s"
printf 'campaign: 10,000 messages in %ss, %s a second (target 500), %s received by the sink for %s readers; server memory at most %s MB while sending (%s MB more than before; budget 60)\n' \
  "$campaign_s" "$campaign_rate" "$sunk" "$sunk_distinct" "$rss_peak" "$(( rss_peak - rss_before ))"
printf 'CPU while sending: %s\n' "$send_cpu"
printf 'kill: SIGKILL after %s of 10,000 were saved as sent; restarted, the campaign was %s %ss later with %s counted; the sink got %s messages for %s readers, %s of them twice (at most the batch of 100 in flight)\n' \
  "$killed_after" "$kill_status" "$kill_wait" "$kill_sent" "$k_sunk" "$k_distinct" "$k_twice"
# Every request came from a browser under its visitor's limit: each one must be counted.
[ "$recorded" -ge "$requests" ] || {
  echo "only $recorded of $requests views arrived in analytics; the server said:" >&2
  tail -n 20 "$run_dir/server.log" >&2
  exit 1
}
[ "$sunk" -eq 10000 ] && [ "$sunk_distinct" -eq 10000 ] || {
  echo "the sink received $sunk messages for $sunk_distinct readers, not one for each of the 10,000" >&2
  exit 1
}
[ "$kill_status" = sent ] && [ "$k_distinct" -eq 10000 ] && [ "$k_twice" -le 100 ] || {
  echo "after the kill: $kill_status, $k_distinct of 10,000 readers reached, $k_twice twice" >&2
  exit 1
}
[ "$gzip_size" -le 14336 ] || { echo "the page is over its 14 KB compressed budget" >&2; exit 1; }
python3 -c "import sys; sys.exit(0 if $cls <= 0.05 and $lcp_ms <= 1000 and $tbt_ms == 0 else 1)" ||
  { echo "the site page is over its targets (LCP $lcp_ms ms, CLS $cls, TBT $tbt_ms ms, its own $own_ms ms)" >&2; exit 1; }
