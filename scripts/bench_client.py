"""What the bench's Python steps share: a signed-in browser whose cookies live in RUN_DIR, and
subscribers stored straight into the database (their signups are not what is measured)."""
import datetime
import http.cookiejar
import json
import secrets
import urllib.parse
import urllib.request


def session(base, run_dir, fresh=False):
    """The cookie jar, the opener, and `call(function, **form)` for server functions."""
    jar = http.cookiejar.MozillaCookieJar(f"{run_dir}/cookies.txt")
    if not fresh:
        jar.load(ignore_discard=True, ignore_expires=True)
    web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def call(function, /, **form):
        req = urllib.request.Request(f"{base}/api/{function}", data=urllib.parse.urlencode(form).encode(),
                                     headers={"accept": "application/json", "origin": base})
        body = web.open(req).read()
        return json.loads(body) if body else None

    return jar, web, call


def database(db_port):
    from pymongo import MongoClient
    return MongoClient(f"mongodb://127.0.0.1:{db_port}/?directConnection=true").bench


def unlimited_emails(db_port):
    """Lifts every plan's monthly email allowance."""
    database(db_port).plans.update_many({}, {"$set": {"limits.emails_per_month": -1}})


def subscribe(db_port, ws, lst, prefix, n):
    """Stores `n` subscribed addresses `<prefix><i>@example.com` on list `lst`."""
    now = datetime.datetime.now(datetime.timezone.utc)
    subs = [{"_id": secrets.token_hex(12), "workspace_id": ws, "list_id": lst, "email": f"{prefix}{i}@example.com",
             "status": "subscribed", "consent": [], "created_at": now, "updated_at": now} for i in range(n)]
    database(db_port).email_subscriptions.insert_many(subs)
