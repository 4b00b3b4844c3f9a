#!/usr/bin/env python3
"""The yardstick for `privacybeleid render --answers ... --out-dir`: what a consultant could
write in an afternoon instead, in Python 3 with Jinja2.

It reads the same answers files (a preset applied first), takes the provider facts from the
same catalog (assets/catalog/*.toml), renders a comparable Markdown policy with its own Jinja2
template (beleid.md.j2 beside this file: the same parts, one paragraph per provider, user
values escaped for Markdown) and writes one file per answers file into the output folder,
named as privacybeleid names them. It writes each file plainly, without a temporary file or
fsync: a naive script's way, and the faster one, so the comparison flatters the script.

Needs Python 3.11 or newer (tomllib) and Jinja2:
    apt-get install -y python3 python3-jinja2      (Debian/Ubuntu)
    or: python3 -m pip install jinja2

Usage: python3 benches/baseline/render.py --out-dir DIR ANSWERS.toml...
"""

import argparse
import datetime
import glob
import os
import re
import sys
import tomllib

import jinja2

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))

SECTIONS = [
    ("webshop", "Webwinkelsoftware"),
    ("hosting", "Hosting"),
    ("newsletter", "Nieuwsbrief"),
    ("transactional_email", "Transactiemail"),
    ("business_email", "Zakelijke e-mail"),
    ("payments", "Betalingen"),
    ("reviews", "Reviews"),
    ("shipping", "Verzending en bezorging"),
    ("accounting", "Facturen en boekhouding"),
    ("sales_channels", "Verkoopkanalen"),
    ("customer_service", "Klantenservice"),
    ("website_tools", "Websitehulpmiddelen"),
    ("cookies", "Cookies en statistieken"),
]

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]

SAFEGUARDS = {
    "dpf": "het EU-VS Data Privacy Framework",
    "scc": "de standaardcontractbepalingen van de Europese Commissie",
    "adequacy": "een adequaatheidsbesluit van de Europese Commissie",
    "bcr": "bindende bedrijfsvoorschriften",
    "none_known": "een waarborg die ons niet bekend is",
}


def load_catalog():
    """Provider facts by id; reads the catalog's first schema and its second (activities)."""
    providers = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "assets", "catalog", "*.toml"))):
        with open(path, "rb") as f:
            for p in tomllib.load(f).get("provider", []):
                acts = p.get("activity", [])
                sections = p.get("sections") or [a["section"] for a in acts]
                data = list(p.get("data", []))
                for a in acts:
                    data += [d for d in a.get("data", []) if d not in data]
                roles = {a.get("role") for a in acts} or {p.get("role")}
                transfers = p.get("transfer") or [
                    {"country": c, "safeguard": p.get("safeguard") or "none_known"}
                    for c in p.get("transfer_countries", [])
                ]
                providers[p["id"]] = {
                    "id": p["id"],
                    "name": p["name"],
                    "company": p.get("company", p["name"]),
                    "country": p.get("country", "Nederland"),
                    "description": p.get("description", ""),
                    "privacy_url": p.get("privacy_url", ""),
                    "sections": sections,
                    "data": data,
                    "processor": bool(roles & {"processor", "verwerker"}),
                    "transfers": transfers,
                    "consent": p.get("consent", p.get("cookie_consent", False)),
                }
    return providers


def load_presets():
    presets = {}
    for path in glob.glob(os.path.join(ROOT, "presets", "*.toml")):
        with open(path, "rb") as f:
            presets[os.path.splitext(os.path.basename(path))[0]] = tomllib.load(f)
    return presets


def slug(name):
    table = str.maketrans("àáâäãèéêëìíîïòóôöõùúûü", "aaaaaeeeeiiiiooooouuuu")
    out = ""
    for c in (name or "").lower().translate(table):
        if c in "'’‘":
            continue
        if c.isascii() and c.isalnum():
            out += c
        elif out and not out.endswith("-"):
            out += "-"
    return out.rstrip("-")


MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def md(value):
    """Escapes a user's value for Markdown, so it stays literal text."""
    return MD_SPECIAL.sub(r"\\\1", str(value))


def opsomming(items):
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def datum(value):
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def context(answers, catalog, presets):
    base = presets.get(answers.get("preset", ""), {})
    providers = dict(base.get("providers", {}))
    providers.update(answers.get("providers", {}))
    variants = dict(base.get("variants", {}))
    variants.update(answers.get("variants", {}))
    policy = dict(base.get("policy", {}))
    policy.update(answers.get("policy", {}))
    custom = {c["id"]: c for c in answers.get("custom_provider", [])}
    sections, everyone, transfers = [], [], []
    for sid, title in SECTIONS:
        chosen = []
        for pid in providers.get(sid, []):
            p = catalog.get(pid)
            if p is None and pid in custom:
                c = custom[pid]
                p = {"id": pid, "name": c["name"], "company": c.get("company", c["name"]),
                     "country": c.get("country", "Nederland"), "description": "",
                     "privacy_url": c.get("privacy_url", ""), "data": [], "processor": True,
                     "transfers": [], "consent": False}
            if p is None:
                continue
            chosen.append(p)
            if p["id"] not in [e["id"] for e in everyone]:
                everyone.append(p)
                transfers += [(p, t) for t in p["transfers"]]
        if chosen:
            sections.append({"id": sid, "title": title, "providers": chosen})
    return {
        "shop": answers.get("shop", {}),
        "sections": sections,
        "everyone": everyone,
        "transfers": transfers,
        "variants": variants,
        "policy": policy,
        "safeguards": SAFEGUARDS,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("answers", nargs="+")
    args = ap.parse_args()
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE),
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md
    env.filters["opsomming"] = opsomming
    env.filters["datum"] = datum
    template = env.get_template("beleid.md.j2")
    catalog = load_catalog()
    presets = load_presets()
    worst = 0
    for path in args.answers:
        try:
            with open(path, "rb") as f:
                answers = tomllib.load(f)
        except (OSError, tomllib.TOMLDecodeError) as e:
            print(f"fout: {path}: {e}", file=sys.stderr)
            worst = 2
            continue
        text = template.render(context(answers, catalog, presets))
        name = slug(answers.get("shop", {}).get("name", ""))
        name = f"{name}-privacybeleid.md" if name else "privacybeleid.md"
        with open(os.path.join(args.out_dir, name), "w", encoding="utf-8") as f:
            f.write(text)
    return worst


if __name__ == "__main__":
    sys.exit(main())
