"""Transport to the insurer: never plain HTTP off this computer, and TLS always verified.

The sandbox runs over HTTPS with a certificate from a private CA (as a man in the middle, or an
insurer's test environment, would present): the kiosk refuses it until that CA is pinned.
"""

import pytest
from tls_insurer import issue_server_cert, make_authority, tls_sandbox

from insurer_sandbox.demo import DEMO_CLINIC_ID
from insurer_sandbox.server import create_device_key
from kiosk.insurer.client import InsecureURLError, InsurerClient
from kiosk.insurer.errors import InsurerCABundleUnreadable, InsurerUnreachable
from kiosk.registration import RegistrationError, verify_device_key
from kiosk.settings import Settings, SettingsError, updated


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    base = tmp_path_factory.mktemp("pki")
    insurer_ca = make_authority(base / "insurer-ca", "Insurer Test CA")
    other_ca = make_authority(base / "other-ca", "Someone Else CA")
    return base, insurer_ca, other_ca


@pytest.fixture(scope="module")
def https_insurer(tmp_path_factory, pki):
    """The sandbox on https://127.0.0.1 with a certificate from the insurer's private CA."""
    base, insurer_ca, _ = pki
    cert, key = issue_server_cert(insurer_ca, base / "server")
    data_dir = tmp_path_factory.mktemp("tls-sandbox")
    device_key = create_device_key(data_dir, DEMO_CLINIC_ID)
    with tls_sandbox(data_dir, cert, key) as url:
        yield url, device_key


@pytest.mark.parametrize(
    "url",
    [
        "http://insurer.example/api",
        "http://10.0.0.5:8765",
        "http://localhost.insurer.example",
        "http://127.0.0.1.nip.io:8765",
        "http://[2001:db8::1]/",
    ],
)
def test_plain_http_off_loopback_is_refused_everywhere_a_url_enters(url):
    with pytest.raises(InsecureURLError, match="plain HTTP"):
        InsurerClient(url, "any-key")
    with pytest.raises(RegistrationError, match="plain HTTP"):
        verify_device_key(url, "any-key")
    with pytest.raises(SettingsError, match="plain HTTP"):
        updated(Settings(), insurer_url=url)


def test_a_certificate_from_an_unpinned_ca_is_refused_with_a_clear_reason(https_insurer):
    url, device_key = https_insurer

    with (
        InsurerClient(url, device_key, retries=0) as client,
        pytest.raises(InsurerUnreachable) as refused,
    ):
        client.signing_keys()

    reason = refused.value.message
    assert "certificate" in reason
    assert "pinned CA bundle" in reason
    with pytest.raises(RegistrationError, match="TLS certificate was refused"):
        verify_device_key(url, device_key)


def test_the_same_insurer_is_accepted_once_its_ca_is_pinned(https_insurer, pki):
    url, device_key = https_insurer
    _, insurer_ca, _ = pki

    with InsurerClient(url, device_key, retries=0, ca_bundle=str(insurer_ca.cert_path)) as client:
        keys = client.signing_keys()

    assert {key.status for key in keys.keys} == {"current", "previous"}
    assert verify_device_key(url, device_key, ca_bundle=insurer_ca.cert_path) == len(keys.keys)


def test_pinning_a_different_ca_refuses_the_insurer(https_insurer, pki):
    url, device_key = https_insurer
    _, _, other_ca = pki

    with pytest.raises(RegistrationError, match="TLS certificate was refused"):
        verify_device_key(url, device_key, ca_bundle=other_ca.cert_path)


def test_the_pinned_ca_cannot_be_swapped_through_the_environment(https_insurer, pki, monkeypatch):
    """requests lets REQUESTS_CA_BUNDLE override a session's CA: the pin must not give way."""
    url, device_key = https_insurer
    _, insurer_ca, other_ca = pki
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(other_ca.cert_path))
    monkeypatch.setenv("CURL_CA_BUNDLE", str(other_ca.cert_path))

    assert verify_device_key(url, device_key, ca_bundle=insurer_ca.cert_path) >= 1


def test_a_certificate_for_another_host_is_refused_even_from_the_pinned_ca(tmp_path, pki):
    _, insurer_ca, _ = pki
    cert, key = issue_server_cert(insurer_ca, tmp_path / "wrong-name", ("insurer.example",))
    data_dir = tmp_path / "sandbox"
    device_key = create_device_key(data_dir, DEMO_CLINIC_ID)

    with (
        tls_sandbox(data_dir, cert, key) as url,
        pytest.raises(RegistrationError, match="TLS certificate was refused") as refused,
    ):
        verify_device_key(url, device_key, ca_bundle=insurer_ca.cert_path)
    assert "127.0.0.1" in refused.value.message or "match" in refused.value.message


def test_a_pinned_ca_bundle_removed_after_start_is_an_insurer_error_naming_it(
    https_insurer, pki, tmp_path
):
    url, device_key = https_insurer
    _, insurer_ca, _ = pki
    pinned = tmp_path / "insurer-ca.pem"
    pinned.write_bytes(insurer_ca.cert_path.read_bytes())

    with InsurerClient(url, device_key, retries=0, ca_bundle=str(pinned)) as client:
        assert client.signing_keys().keys
        pinned.unlink()
        with pytest.raises(InsurerCABundleUnreadable) as missing:
            client.signing_keys()

    assert str(pinned) in missing.value.message
    assert missing.value.path == str(pinned)
    assert missing.value.retryable  # the outbox keeps the claim until the file is back
