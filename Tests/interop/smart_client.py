#!/usr/bin/env python3
"""A SMART on FHIR client built on authlib, run against Kiln to check that a widely used OAuth
library completes Kiln's flows as the specifications describe them.

Subcommands (each prints one JSON object on standard output; on any failure it prints
"smart_client: error: ..." on standard error and exits with status 1):

  jwks      --key FILE --alg ES384|RS384 --out FILE
            Creates the private key FILE (a private JWK, kid = RFC 7638 thumbprint) unless it
            exists, and writes its public JWKS to --out, for `kiln client add --jwks-file`.

  backend   --fhir-base URL --client-id ID --key FILE [--scope S] [--put PATH FILE]...
            SMART Backend Services: discovers the token endpoint, gets a token with the
            client_credentials grant and private_key_jwt client authentication (a JWT signed
            with the key's alg, aud = the token endpoint), PUTs each FILE at PATH (e.g.
            Patient/p1), then reads GET <fhir>/Patient with the bearer token.

  authcode  --fhir-base URL --client-id ID --redirect-uri URI --scope S
            --username NAME --password-file FILE [--patient ID]
            A public app's standalone launch: authorization URL with PKCE S256 and aud, the
            login and approval forms submitted as a browser would, the code taken from the
            redirect (never followed), the code exchanged with the verifier, the patient's
            record read, the refresh token used once (and its replay refused).

Needs: python3 -m pip install authlib requests
"""

import argparse
import base64
import hashlib
import json
import os
import sys
import warnings
from html.parser import HTMLParser
from urllib.parse import parse_qs, urljoin, urlsplit

import requests
from authlib.common.security import generate_token
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.requests_client import OAuth2Session
from authlib.oauth2.rfc7523 import PrivateKeyJWT, private_key_jwt_sign

TIMEOUT = 30
FHIR_JSON = "application/fhir+json"


class Failure(Exception):
    """A step that did not go as the specifications say."""


# --- keys -------------------------------------------------------------------------------


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def int_bytes(value, length=None):
    length = length or (value.bit_length() + 7) // 8
    return value.to_bytes(length, "big")


def thumbprint(jwk):
    """The RFC 7638 thumbprint of a public JWK: SHA-256 of its required members, sorted."""
    members = ("crv", "kty", "x", "y") if jwk["kty"] == "EC" else ("e", "kty", "n")
    canonical = json.dumps({name: jwk[name] for name in members}, separators=(",", ":"), sort_keys=True)
    return b64url(hashlib.sha256(canonical.encode("utf-8")).digest())


def generate_private_jwk(alg):
    """A new private key as a JWK with kid and alg: P-384 for ES384, RSA 3072 for RS384."""
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    if alg == "ES384":
        numbers = ec.generate_private_key(ec.SECP384R1()).private_numbers()
        public = numbers.public_numbers
        jwk = {"kty": "EC", "crv": "P-384", "x": b64url(int_bytes(public.x, 48)), "y": b64url(int_bytes(public.y, 48)),
               "d": b64url(int_bytes(numbers.private_value, 48))}
    elif alg == "RS384":
        numbers = rsa.generate_private_key(public_exponent=65537, key_size=3072).private_numbers()
        public = numbers.public_numbers
        jwk = {"kty": "RSA", "n": b64url(int_bytes(public.n)), "e": b64url(int_bytes(public.e)),
               "d": b64url(int_bytes(numbers.d)), "p": b64url(int_bytes(numbers.p)), "q": b64url(int_bytes(numbers.q)),
               "dp": b64url(int_bytes(numbers.dmp1)), "dq": b64url(int_bytes(numbers.dmq1)), "qi": b64url(int_bytes(numbers.iqmp))}
    else:
        raise Failure(f"--alg must be ES384 or RS384, not {alg}")
    jwk["kid"] = thumbprint(jwk)
    jwk["alg"] = alg
    jwk["use"] = "sig"
    return jwk


def public_jwk(private):
    members = ("kty", "crv", "x", "y") if private["kty"] == "EC" else ("kty", "n", "e")
    public = {name: private[name] for name in members}
    public.update(kid=private["kid"], alg=private["alg"], use="sig")
    return public


def load_private_jwk(path):
    try:
        with open(path, encoding="utf-8") as handle:
            jwk = json.load(handle)
    except (OSError, ValueError) as error:
        raise Failure(f"cannot read the private key {path}: {error}")
    if not {"kty", "kid", "alg", "d"} <= set(jwk):
        raise Failure(f"{path} is not a private JWK with kid and alg (create it with the jwks subcommand)")
    return jwk


class SMARTPrivateKeyJWT(PrivateKeyJWT):
    """authlib's private_key_jwt with what SMART Backend Services requires of the assertion:
    `kid` in the header naming the registered key, `exp` at most five minutes ahead, and a new
    `jti` for every request. The session's client_secret is the private JWK."""

    def sign(self, auth, token_endpoint):
        key = auth.client_secret
        return private_key_jwt_sign(key, client_id=auth.client_id, token_endpoint=token_endpoint, alg=key["alg"],
                                    header={"kid": key["kid"], "typ": "JWT"}, expires_in=300)


# --- HTTP helpers -----------------------------------------------------------------------


def discover(fhir_base):
    url = fhir_base.rstrip("/") + "/.well-known/smart-configuration"
    response = requests.get(url, headers={"Accept": "application/json"}, timeout=TIMEOUT)
    if response.status_code != 200:
        raise Failure(f"GET {url} answered {response.status_code}: {response.text[:300]}")
    try:
        configuration = response.json()
    except ValueError:
        raise Failure(f"GET {url} did not answer JSON")
    for name in ("token_endpoint", "authorization_endpoint"):
        if not isinstance(configuration.get(name), str):
            raise Failure(f"smart-configuration has no {name}")
    return configuration


def record_token_response(log, step):
    """A compliance hook that keeps the status, Cache-Control and body of a token response
    and turns a non-200 answer into a Failure naming the OAuth error."""

    def hook(response):
        try:
            body = response.json()
        except ValueError:
            body = None
        log[step] = {"status": response.status_code, "cache_control": response.headers.get("Cache-Control"), "body": body}
        if response.status_code != 200:
            raise Failure(f"{step}: the token endpoint answered {response.status_code}: {response.text[:500]}")
        return response

    return hook


def read(session, fhir_base, path, expected=200):
    url = fhir_base.rstrip("/") + "/" + path
    response = session.get(url, headers={"Accept": FHIR_JSON}, timeout=TIMEOUT)
    result = {"path": path, "status": response.status_code}
    try:
        body = response.json()
    except ValueError:
        body = {}
    result["resourceType"] = body.get("resourceType")
    if body.get("resourceType") == "Bundle":
        result["entries"] = len(body.get("entry") or [])
        result["ids"] = [entry.get("resource", {}).get("id") for entry in body.get("entry") or []]
    elif "id" in body:
        result["id"] = body["id"]
    if response.status_code != expected:
        raise Failure(f"GET {path} answered {response.status_code}, expected {expected}: {response.text[:500]}")
    return result


def token_summary(token):
    return {
        "token_type": token.get("token_type"),
        "expires_in": token.get("expires_in"),
        "scope": token.get("scope"),
        "patient": token.get("patient"),
        "fhirUser": token.get("fhirUser"),
        "has_refresh_token": "refresh_token" in token,
        "has_id_token": "id_token" in token,
    }


# --- backend ----------------------------------------------------------------------------


def backend(args):
    configuration = discover(args.fhir_base)
    token_endpoint = configuration["token_endpoint"]
    methods = configuration.get("token_endpoint_auth_methods_supported") or []
    if "private_key_jwt" not in methods:
        raise Failure(f"smart-configuration does not offer private_key_jwt: {methods}")
    key = load_private_jwk(args.key)
    log = {}
    session = OAuth2Session(args.client_id, key, token_endpoint_auth_method="private_key_jwt", scope=args.scope)
    session.register_client_auth_method(SMARTPrivateKeyJWT(token_endpoint, alg=key["alg"]))
    session.register_compliance_hook("access_token_response", record_token_response(log, "token"))
    token = session.fetch_token(token_endpoint, grant_type="client_credentials")

    writes = []
    for path, file in args.put or []:
        with open(file, "rb") as handle:
            resource = handle.read()
        url = args.fhir_base.rstrip("/") + "/" + path
        response = session.put(url, data=resource, headers={"Content-Type": FHIR_JSON, "Accept": FHIR_JSON}, timeout=TIMEOUT)
        writes.append({"path": path, "status": response.status_code})
        if response.status_code not in (200, 201):
            raise Failure(f"PUT {path} answered {response.status_code}: {response.text[:500]}")

    reads = [read(session, args.fhir_base, "Patient")]
    anonymous = requests.get(args.fhir_base.rstrip("/") + "/Patient", headers={"Accept": FHIR_JSON}, timeout=TIMEOUT)
    return {
        "mode": "backend",
        "token_endpoint": token_endpoint,
        "alg": key["alg"],
        "token_status": log["token"]["status"],
        "token_cache_control": log["token"]["cache_control"],
        **token_summary(token),
        "writes": writes,
        "reads": reads,
        "without_token_status": anonymous.status_code,
    }


# --- authorization code -----------------------------------------------------------------


class FormParser(HTMLParser):
    """The forms of a page (action, method, fields) and its visible text."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        attributes = {name: (value if value is not None else "") for name, value in attrs}
        if tag == "form":
            self.forms.append({"action": attributes.get("action", ""), "method": attributes.get("method", "get").lower(), "fields": []})
        elif tag in ("input", "button") and self.forms:
            attributes.setdefault("type", "text" if tag == "input" else "submit")
            attributes["tag"] = tag
            self.forms[-1]["fields"].append(attributes)

    def handle_data(self, data):
        if data.strip():
            self.text.append(data.strip())


def parse_page(response, step):
    parser = FormParser()
    parser.feed(response.text)
    if response.status_code != 200 or not parser.forms:
        raise Failure(f"{step}: expected a form (200), got {response.status_code}: {' '.join(parser.text)[:500]}")
    return parser


def form_values(form, skip_types=("submit",)):
    """What a browser submits of a form's hidden fields, checked boxes and checked radios."""
    values = {}
    for field in form["fields"]:
        name, kind = field.get("name"), field["type"].lower()
        if not name or kind in skip_types:
            continue
        if kind in ("checkbox", "radio"):
            if "checked" in field:
                values[name] = field.get("value", "on")
        elif kind == "hidden":
            values[name] = field.get("value", "")
    return values


def authcode(args):
    configuration = discover(args.fhir_base)
    if "S256" not in (configuration.get("code_challenge_methods_supported") or []):
        raise Failure("smart-configuration does not offer PKCE S256")
    authorization_endpoint = configuration["authorization_endpoint"]
    token_endpoint = configuration["token_endpoint"]
    try:
        with open(args.password_file, encoding="utf-8") as handle:
            password = handle.read().strip()
    except OSError as error:
        raise Failure(f"cannot read the password file: {error}")

    log = {}
    session = OAuth2Session(args.client_id, redirect_uri=args.redirect_uri, scope=args.scope,
                            code_challenge_method="S256", token_endpoint_auth_method="none")
    session.register_compliance_hook("access_token_response", record_token_response(log, "token"))
    session.register_compliance_hook("refresh_token_response", record_token_response(log, "refresh"))
    verifier = generate_token(64)
    url, state = session.create_authorization_url(authorization_endpoint, code_verifier=verifier, aud=args.fhir_base)

    browser = requests.Session()
    login_page = browser.get(url, allow_redirects=False, timeout=TIMEOUT)
    if login_page.status_code == 302:
        raise Failure(f"the authorization request was refused: {login_page.headers.get('Location')}")
    login = parse_page(login_page, "login page")
    login_form = next((form for form in login.forms if any(field["type"] == "password" for field in form["fields"])), None)
    if login_form is None:
        raise Failure("the login page has no form with a password field")
    values = form_values(login_form)
    values.update(username=args.username, password=password)
    approval_page = browser.post(urljoin(login_page.url, login_form["action"]), data=values, allow_redirects=False, timeout=TIMEOUT)
    approval = parse_page(approval_page, "approval page")
    approval_form = next((form for form in approval.forms if any(field.get("name") == "ticket" for field in form["fields"])), None)
    if approval_form is None:
        raise Failure(f"the sign-in was not accepted: {' '.join(approval.text)[:500]}")
    values = form_values(approval_form)
    offered = sorted(field["value"] for field in approval_form["fields"] if field.get("name", "").startswith("scope_"))
    choices = [field["value"] for field in approval_form["fields"] if field.get("name") == "patient" and field["type"] == "radio"]
    if args.patient and choices:
        if args.patient not in choices:
            raise Failure(f"patient {args.patient} is not offered; the choices are {choices}")
        values["patient"] = args.patient
    if not any(field.get("name") == "action" and field.get("value") == "approve" for field in approval_form["fields"]):
        raise Failure("the approval form has no approve button")
    values["action"] = "approve"
    redirect = browser.post(urljoin(approval_page.url, approval_form["action"]), data=values, allow_redirects=False, timeout=TIMEOUT)
    location = redirect.headers.get("Location", "")
    if redirect.status_code != 302 or not location.startswith(args.redirect_uri):
        raise Failure(f"approval: expected a 302 to {args.redirect_uri}, got {redirect.status_code} {location}: {redirect.text[:300]}")
    returned = parse_qs(urlsplit(location).query)
    if "error" in returned:
        raise Failure(f"the server redirected with an error: {returned}")
    if returned.get("state") != [state]:
        raise Failure(f"the redirect carries state {returned.get('state')}, not {state}")

    token = session.fetch_token(token_endpoint, authorization_response=location, state=state, code_verifier=verifier)
    patient = token.get("patient")
    if not patient:
        raise Failure(f"the token response names no patient: {sorted(token)}")
    reads = [read(session, args.fhir_base, f"Patient/{patient}"), read(session, args.fhir_base, f"Observation?patient={patient}")]
    id_token = check_id_token(token.get("id_token"), configuration, args)

    first_refresh = token.get("refresh_token")
    if not first_refresh:
        raise Failure("no refresh token was issued (offline_access was asked for)")
    refreshed = session.refresh_token(token_endpoint)
    refresh_body = log["refresh"]["body"] or {}
    refresh = {
        "status": log["refresh"]["status"],
        "cache_control": log["refresh"]["cache_control"],
        **token_summary(refresh_body),
        "rotated": bool(refresh_body.get("refresh_token")) and refresh_body.get("refresh_token") != first_refresh,
        "new_access_token": refreshed.get("access_token") != token.get("access_token"),
        "read": read(session, args.fhir_base, f"Patient/{patient}"),
    }

    # A rotated refresh token is single-use: presenting the first one again is refused.
    replay = requests.post(token_endpoint, data={"grant_type": "refresh_token", "refresh_token": first_refresh, "client_id": args.client_id},
                           headers={"Accept": "application/json"}, timeout=TIMEOUT)
    try:
        replay_error = replay.json().get("error")
    except ValueError:
        replay_error = None

    return {
        "mode": "authcode",
        "authorize": {
            "login_status": login_page.status_code,
            "approval_status": approval_page.status_code,
            "redirect_status": redirect.status_code,
            "offered_scopes": offered,
            "patient_choices": choices,
        },
        "token_status": log["token"]["status"],
        "token_cache_control": log["token"]["cache_control"],
        **token_summary(token),
        "id_token": id_token,
        "reads": reads,
        "refresh": refresh,
        "refresh_replay": {"status": replay.status_code, "error": replay_error},
    }


def check_id_token(id_token, configuration, args):
    """The id_token's signature checked against the server's JWKS, and its claims."""
    if id_token is None:
        return None
    with warnings.catch_warnings():
        # authlib.jose is deprecated in favour of joserfc, but still authlib's own API.
        warnings.simplefilter("ignore")
        from authlib.jose import JsonWebKey, jwt
        from authlib.jose.errors import JoseError

        jwks = requests.get(configuration["jwks_uri"], timeout=TIMEOUT)
        if jwks.status_code != 200:
            raise Failure(f"GET {configuration['jwks_uri']} answered {jwks.status_code}")
        try:
            claims = jwt.decode(id_token, JsonWebKey.import_key_set(jwks.json()),
                                claims_options={"iss": {"essential": True, "value": configuration.get("issuer", args.fhir_base)},
                                                "aud": {"essential": True, "value": args.client_id},
                                                "sub": {"essential": True}, "exp": {"essential": True}})
            claims.validate(leeway=60)
        except (JoseError, ValueError) as error:
            raise Failure(f"the id_token does not verify against the server's JWKS: {error}")
        header = json.loads(base64.urlsafe_b64decode(id_token.split(".")[0] + "==="))
    return {"verified": True, "alg": header.get("alg"), "iss": claims.get("iss"), "aud": claims.get("aud"),
            "sub": claims.get("sub"), "fhirUser": claims.get("fhirUser")}


# --- command line -----------------------------------------------------------------------


def jwks(args):
    if os.path.exists(args.key):
        key = load_private_jwk(args.key)
    else:
        key = generate_private_jwk(args.alg)
        descriptor = os.open(args.key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(key, handle)
    document = {"keys": [public_jwk(key)]}
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(document, handle, indent=2)
    return {"mode": "jwks", "kid": key["kid"], "alg": key["alg"], "jwks": args.out}


def main(argv):
    parser = argparse.ArgumentParser(description="A SMART on FHIR client (authlib) for Kiln's authorization server.")
    commands = parser.add_subparsers(dest="command", required=True)

    keys = commands.add_parser("jwks", help="create a private key and write its public JWKS")
    keys.add_argument("--key", required=True, help="the private JWK file (created when missing)")
    keys.add_argument("--alg", default="ES384", choices=["ES384", "RS384"])
    keys.add_argument("--out", required=True, help="where to write the public JWKS")

    service = commands.add_parser("backend", help="client_credentials with private_key_jwt")
    service.add_argument("--fhir-base", required=True)
    service.add_argument("--client-id", required=True)
    service.add_argument("--key", required=True, help="the private JWK file from the jwks subcommand")
    service.add_argument("--scope", default="system/*.rs")
    service.add_argument("--put", nargs=2, action="append", metavar=("PATH", "FILE"), help="PUT FILE at PATH (repeatable)")

    app = commands.add_parser("authcode", help="authorization code with PKCE, as a public app")
    app.add_argument("--fhir-base", required=True)
    app.add_argument("--client-id", required=True)
    app.add_argument("--redirect-uri", required=True)
    app.add_argument("--scope", required=True)
    app.add_argument("--username", required=True)
    app.add_argument("--password-file", required=True)
    app.add_argument("--patient", help="the patient to choose when the approval form offers several")

    args = parser.parse_args(argv)
    try:
        summary = {"jwks": jwks, "backend": backend, "authcode": authcode}[args.command](args)
    except Failure as failure:
        print(f"smart_client: error: {failure}", file=sys.stderr)
        return 1
    except AuthlibBaseError as error:
        print(f"smart_client: error: authlib: {error.error}: {error.description}", file=sys.stderr)
        return 1
    except requests.RequestException as error:
        print(f"smart_client: error: HTTP request failed: {error}", file=sys.stderr)
        return 1
    print(json.dumps(summary, indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
